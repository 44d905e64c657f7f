package io.xoscar.internal.pool;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.xoscar.ActorSystem;
import io.xoscar.Placement;
import io.xoscar.exception.NoIdleSlotException;
import io.xoscar.exception.NoSuchPoolException;
import io.xoscar.exception.PoolDownException;

/**
 * Picks the pool of a new actor. Decisions and the bookkeeping they depend on (actor counts,
 * idle-label marks) happen under one lock, so parallel creates never see a stale picture.
 */
final class Placer {

	private final Supplier<List<ActorPool>> allPools;

	private final Map<ActorPool, Set<String>> marks = new HashMap<>();

	private List<ActorPool> pools;

	/**
	 * @param pools the node's pools, read at each decision (pools come and go at run time)
	 */
	Placer(Supplier<List<ActorPool>> pools) {
		this.allPools = pools;
	}

	/**
	 * @param placement the wanted placement (an address of this node for {@link Placement.Address})
	 * @return the chosen pool, with what frees its slot when the actor leaves
	 */
	synchronized Slot place(Placement placement) {
		this.pools = this.allPools.get();
		ActorPool pool;
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

	private ActorPool pick(Placement placement) {
		if (placement instanceof Placement.MainPool) {
			return this.pools.get(0);
		}
		if (placement instanceof Placement.RandomSubPool) {
			List<ActorPool> subPools = this.pools.stream().filter((pool) -> pool.index() > 0 && placeable(pool)).toList();
			if (subPools.isEmpty()) {
				throw new NoSuchPoolException("randomSubPool(): this node has no running sub pools");
			}
			return subPools.get(ThreadLocalRandom.current().nextInt(subPools.size()));
		}
		if (placement instanceof Placement.PoolIndex index) {
			return this.pools.stream()
				.filter((pool) -> pool.index() == index.index())
				.findFirst()
				.map(Placer::up)
				.orElseThrow(() -> new NoSuchPoolException("pool(" + index.index() + "): this node has pools "
						+ this.pools.stream().map(ActorPool::index).toList()));
		}
		if (placement instanceof Placement.Label label) {
			List<ActorPool> candidates = labelled(label.label());
			return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
		}
		if (placement instanceof Placement.LeastLoaded least) {
			return labelled(least.label()).stream()
				.min(Comparator.comparingInt(ActorPool::load)
					.thenComparingLong(ActorPool::backlog)
					.thenComparingInt(ActorPool::index))
				.orElseThrow();
		}
		if (placement instanceof Placement.Address address) {
			return this.pools.stream()
				.filter((pool) -> pool.address().equals(address.address()))
				.findFirst()
				.map(Placer::up)
				.orElseThrow(() -> new NoSuchPoolException("no pool at " + address.address() + " on this node"));
		}
		throw new IllegalArgumentException("unknown placement " + placement);
	}

	private List<ActorPool> labelled(String label) {
		List<ActorPool> candidates = this.pools.stream()
			.filter((pool) -> pool.labels().contains(label) && placeable(pool))
			.toList();
		if (candidates.isEmpty()) {
			throw new NoSuchPoolException("no running pool has the label '" + label + "'");
		}
		return candidates;
	}

	/** @return whether new actors may go there: it runs, or recovery restarts it (they wait for it) */
	private static boolean placeable(ActorPool pool) {
		return pool.state() != ActorSystem.PoolState.DOWN;
	}

	private static ActorPool up(ActorPool pool) {
		if (!placeable(pool)) {
			throw new PoolDownException("actor pool " + pool.index() + " (" + pool.name() + ") at " + pool.address() + " is down");
		}
		return pool;
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
	record Slot(ActorPool pool, String mark) {
	}

}
