package io.xoscar.internal.pool;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.xoscar.Placement;
import io.xoscar.exception.NoIdleSlotException;
import io.xoscar.exception.NoSuchPoolException;

/**
 * Picks the pool of a new actor. Decisions and the bookkeeping they depend on (actor counts,
 * idle-label marks) happen under one lock, so parallel creates never see a stale picture.
 */
final class Placer {

	private final List<ThreadActorPool> pools;

	private final Map<ThreadActorPool, Set<String>> marks = new HashMap<>();

	Placer(List<ThreadActorPool> pools) {
		this.pools = pools;
	}

	/**
	 * @param placement the wanted placement (an address of this node for {@link Placement.Address})
	 * @return the chosen pool, with what frees its slot when the actor leaves
	 */
	synchronized Slot place(Placement placement) {
		ThreadActorPool pool;
		String mark = null;
		if (placement instanceof Placement.IdleLabel idle) {
			pool = labelled(idle.label()).stream()
				.filter((candidate) -> !this.marks.getOrDefault(candidate, Set.of()).contains(idle.mark()))
				.findFirst()
				.orElseThrow(() -> new NoIdleSlotException(idle.label(), idle.mark()));
			mark = idle.mark();
			this.marks.computeIfAbsent(pool, (key) -> new HashSet<>()).add(mark);
		}
		else {
			pool = pick(placement);
		}
		pool.reserve();
		return new Slot(pool, mark);
	}

	private ThreadActorPool pick(Placement placement) {
		if (placement instanceof Placement.MainPool) {
			return this.pools.get(0);
		}
		if (placement instanceof Placement.RandomSubPool) {
			if (this.pools.size() < 2) {
				throw new NoSuchPoolException("randomSubPool(): this node has no sub pools");
			}
			return this.pools.get(1 + ThreadLocalRandom.current().nextInt(this.pools.size() - 1));
		}
		if (placement instanceof Placement.PoolIndex index) {
			if (index.index() < 0 || index.index() >= this.pools.size()) {
				throw new NoSuchPoolException("pool(" + index.index() + "): this node has pools 0 to " + (this.pools.size() - 1));
			}
			return this.pools.get(index.index());
		}
		if (placement instanceof Placement.Label label) {
			List<ThreadActorPool> candidates = labelled(label.label());
			return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
		}
		if (placement instanceof Placement.LeastLoaded least) {
			return labelled(least.label()).stream()
				.min(Comparator.comparingInt(ThreadActorPool::load)
					.thenComparingLong(ThreadActorPool::backlog)
					.thenComparingInt(ThreadActorPool::index))
				.orElseThrow();
		}
		if (placement instanceof Placement.Address address) {
			return this.pools.stream()
				.filter((pool) -> pool.address().equals(address.address()))
				.findFirst()
				.orElseThrow(() -> new NoSuchPoolException("no pool at " + address.address() + " on this node"));
		}
		throw new IllegalArgumentException("unknown placement " + placement);
	}

	private List<ThreadActorPool> labelled(String label) {
		List<ThreadActorPool> candidates = this.pools.stream().filter((pool) -> pool.labels().contains(label)).toList();
		if (candidates.isEmpty()) {
			throw new NoSuchPoolException("no pool has the label '" + label + "'");
		}
		return candidates;
	}

	synchronized void release(Slot slot) {
		slot.pool().unreserve();
		if (slot.mark() != null) {
			this.marks.getOrDefault(slot.pool(), new HashSet<>()).remove(slot.mark());
		}
	}

	/**
	 * A place taken in a pool.
	 * @param pool the pool
	 * @param mark the idle-label mark held, or {@code null}
	 */
	record Slot(ThreadActorPool pool, String mark) {
	}

}
