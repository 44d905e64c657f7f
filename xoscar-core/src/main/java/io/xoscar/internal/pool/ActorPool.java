package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.xoscar.ActorSystem;
import io.xoscar.config.PoolConfig.PoolMode;

/**
 * One pool of a node, as placement and pool listings see it: in this JVM ({@link ThreadActorPool})
 * or in a child JVM ({@link ProcessActorPool}).
 */
public abstract sealed class ActorPool permits ThreadActorPool, ProcessActorPool {

	private final int index;

	private final String name;

	private final Set<String> labels;

	private final int threads;

	/** Actors placed in this pool by its node, including those still being created. */
	private final AtomicInteger placed = new AtomicInteger();

	ActorPool(int index, String name, Set<String> labels, int threads) {
		this.index = index;
		this.name = name;
		this.labels = Set.copyOf(labels);
		this.threads = threads;
	}

	public final int index() {
		return this.index;
	}

	public final String name() {
		return this.name;
	}

	public final Set<String> labels() {
		return this.labels;
	}

	/** @return threads of the pool (its bulkhead size) */
	public final int threads() {
		return this.threads;
	}

	/** @return actors placed in this pool by its node, those being created included */
	public final int load() {
		return this.placed.get();
	}

	final void reserve() {
		this.placed.incrementAndGet();
	}

	final void unreserve() {
		this.placed.decrementAndGet();
	}

	public abstract String address();

	public abstract PoolMode mode();

	/** @return whether the pool takes calls and new actors */
	public abstract boolean isUp();

	/** @return the pid of the pool's process (this JVM's for thread pools) */
	public abstract long pid();

	/** @return up, restarting or down */
	public ActorSystem.PoolState state() {
		return isUp() ? ActorSystem.PoolState.UP : ActorSystem.PoolState.DOWN;
	}

	/** @return how often recovery restarted the pool's process */
	public int restarts() {
		return 0;
	}

	/** @return why its process died last, or {@code null} */
	public String lastFailure() {
		return null;
	}

	/** @return calls waiting in the pool's mailboxes (a process pool's as its child told last) */
	public abstract long backlog();

	/** @return streams the pool's actors are sending now (a process pool's as its child told last) */
	public abstract int openStreams();

	public abstract void shutdown(Duration timeout);

}
