package io.xoscar.internal.pool;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.xoscar.CreateOptions;

/**
 * The actors of a node by uid (uids are unique per node, so its main address finds the actors of
 * every pool): the cells of those in this JVM, those it placed in its process pools, the uids being
 * created, how each actor was made ({@link ActorRecipe}), and why those gone with their pool went.
 */
final class ActorDirectory {

	private final Placer placer;

	private final ConcurrentMap<String, ActorCell> cells = new ConcurrentHashMap<>();

	/** Uids of live actors and of actors being created. */
	private final ConcurrentMap<String, Boolean> uids = new ConcurrentHashMap<>();

	private final ProcessPoolActors placed = new ProcessPoolActors(this::released);

	private final ConcurrentMap<String, ActorRecipe> recipes = new ConcurrentHashMap<>();

	private final AtomicLong creations = new AtomicLong();

	private final PoolEnds ends = new PoolEnds();

	ActorDirectory(Placer placer) {
		this.placer = placer;
	}

	/**
	 * Takes a uid for an actor being created.
	 * @return {@code false} if an actor has it or is being created with it
	 */
	boolean reserve(String uid) {
		if (this.uids.putIfAbsent(uid, Boolean.TRUE) != null) {
			return false;
		}
		this.ends.reused(uid);
		return true;
	}

	/** A creation failed before its actor was listed: frees its uid and slot. */
	void unreserve(String uid, Placer.Slot slot) {
		this.uids.remove(uid);
		this.placer.release(slot);
	}

	/** Lists an actor of this JVM, made as the recipe says. */
	void listed(ActorCell cell, Class<?> type, CreateOptions options, Object[] args) {
		this.recipes.put(cell.uid(), recipe(cell.uid(), type, options, args, cell.pool().address()));
		this.cells.put(cell.uid(), cell);
	}

	/** Lists an actor placed in a process pool, made as the recipe says. */
	void placed(ProcessPoolActors.Placed actor, CreateOptions options, Object[] args) {
		this.recipes.put(actor.uid(), recipe(actor.uid(), actor.type(), options, args, actor.pool().address()));
		this.placed.add(actor);
	}

	private ActorRecipe recipe(String uid, Class<?> type, CreateOptions options, Object[] args,
			String pool) {
		return new ActorRecipe(this.creations.incrementAndGet(), uid, type, options, args, pool);
	}

	/** @return the actor of this JVM with this uid, or {@code null} */
	ActorCell cell(String uid) {
		return this.cells.get(uid);
	}

	Collection<ActorCell> cells() {
		return this.cells.values();
	}

	/**
	 * @param address the node's main address or the pool's own
	 * @param mainAddress the node's main address
	 * @return the actor placed in a process pool there, or {@code null}
	 */
	ProcessPoolActors.Placed placed(String address, String uid, String mainAddress) {
		return this.placed.find(address, uid, mainAddress);
	}

	/** Forgets an actor of a process pool that was destroyed. */
	void forget(ProcessPoolActors.Placed actor) {
		this.placed.forget(actor);
	}

	/**
	 * Forgets the actors of a process pool that is gone.
	 * @return their uids
	 */
	List<String> forgetAll(ActorPool pool) {
		return this.placed.forgetAll(pool);
	}

	/**
	 * @return the actors placed in a process pool, with how they were made, oldest first
	 */
	List<Recreation> placedIn(ProcessActorPool pool) {
		return this.placed.in(pool)
			.stream()
			.map((actor) -> new Recreation(actor, this.recipes.get(actor.uid())))
			.filter((recreation) -> recreation.recipe() != null)
			.sorted(Comparator.comparingLong((recreation) -> recreation.recipe().order()))
			.toList();
	}

	/**
	 * An actor of a process pool and how it was made, to make it again in a new process.
	 * @param actor the placed actor
	 * @param recipe how it was made
	 */
	record Recreation(ProcessPoolActors.Placed actor, ActorRecipe recipe) {
	}

	/** @return how the live actors were made, oldest first */
	List<ActorRecipe> recipes() {
		return this.recipes.values().stream().sorted(Comparator.comparingLong(ActorRecipe::order)).toList();
	}

	/** @return why pools and actors that are gone went */
	PoolEnds ends() {
		return this.ends;
	}

	/**
	 * Stops an actor of this JVM and forgets it; calls still queued fail with the reason.
	 */
	void remove(ActorCell cell, RuntimeException reason) {
		if (cell.stop(reason)) {
			this.cells.remove(cell.uid(), cell);
			cell.pool().remove(cell);
			free(cell.uid(), cell.slot);
		}
		else if (!this.cells.containsKey(cell.uid())) {
			// creation failed before the actor was listed
			free(cell.uid(), cell.slot);
		}
	}

	/** Frees the uid and placement slot of an actor of a process pool that is gone. */
	private void released(ProcessPoolActors.Placed actor) {
		free(actor.uid(), actor.slot());
	}

	private void free(String uid, Placer.Slot slot) {
		this.recipes.remove(uid);
		this.uids.remove(uid);
		this.placer.release(slot);
	}

}
