package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The actors a node placed in its process pools, so that the node's main address finds them and
 * their uids and placement slots are freed when they go (destroyed, killed, or their process died).
 */
final class ProcessPoolActors {

	private final ConcurrentMap<String, Placed> actors = new ConcurrentHashMap<>();

	private final Consumer<Placed> release;

	/**
	 * @param release frees the uid and the placement slot of an actor that is gone
	 */
	ProcessPoolActors(Consumer<Placed> release) {
		this.release = release;
	}

	void add(Placed actor) {
		this.actors.put(actor.uid(), actor);
	}

	/**
	 * @param address the node's main address or the pool's own
	 * @param uid the actor uid
	 * @param mainAddress the node's main address
	 * @return the actor, or {@code null} if the node placed no such actor there
	 */
	Placed find(String address, String uid, String mainAddress) {
		Placed actor = this.actors.get(uid);
		return (actor != null && (address.equals(mainAddress) || address.equals(actor.pool().address()))) ? actor : null;
	}

	boolean contains(String uid) {
		return this.actors.containsKey(uid);
	}

	void forget(Placed actor) {
		if (this.actors.remove(actor.uid(), actor)) {
			this.release.accept(actor);
		}
	}

	/** @return the actors placed in that pool */
	List<Placed> in(ActorPool pool) {
		return this.actors.values().stream().filter((actor) -> actor.pool() == pool).toList();
	}

	/**
	 * Forgets every actor of a pool that is gone.
	 * @return their uids
	 */
	List<String> forgetAll(ActorPool pool) {
		List<String> forgotten = new ArrayList<>();
		this.actors.values().removeIf((actor) -> {
			if (actor.pool() != pool) {
				return false;
			}
			this.release.accept(actor);
			forgotten.add(actor.uid());
			return true;
		});
		return forgotten;
	}

	/**
	 * An actor placed in a process pool.
	 * @param uid the uid
	 * @param pool the pool
	 * @param type the actor class
	 * @param slot its place in the pool
	 */
	record Placed(String uid, ProcessActorPool pool, Class<?> type, Placer.Slot slot) {
	}

}
