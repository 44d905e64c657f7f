package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.exception.PoolDownException;

/**
 * An actor pool in this JVM: a set of actors sharing one executor of fixed parallelism (a bulkhead).
 * The executor is a {@link ForkJoinPool}, so a pool thread blocked waiting on another actor's
 * future is compensated for instead of starving the pool.
 */
public final class ThreadActorPool extends ActorPool {

	private final String address;

	private final ForkJoinPool executor;

	private final Set<ActorCell> actors = ConcurrentHashMap.newKeySet();

	ThreadActorPool(int index, String name, String address, Set<String> labels, int threads) {
		super(index, name, labels, threads);
		this.address = address;
		this.executor = new ForkJoinPool(threads, new WorkerFactory(), null, true);
	}

	private final AtomicInteger openStreams = new AtomicInteger();

	@Override
	public String address() {
		return this.address;
	}

	/** @return calls waiting in the mailboxes of this pool's actors */
	@Override
	public long backlog() {
		long backlog = 0;
		for (ActorCell cell : this.actors) {
			backlog += cell.backlog();
		}
		return backlog;
	}

	@Override
	public int openStreams() {
		return this.openStreams.get();
	}

	/** A stream of one of its actors opened (+1) or ended (-1). */
	void streamOpened(int delta) {
		this.openStreams.addAndGet(delta);
	}

	public Collection<ActorCell> actors() {
		return this.actors;
	}

	@Override
	public PoolMode mode() {
		return PoolMode.THREAD;
	}

	@Override
	public boolean isUp() {
		return !this.executor.isShutdown();
	}

	@Override
	public long pid() {
		return ProcessHandle.current().pid();
	}

	void add(ActorCell cell) {
		this.actors.add(cell);
	}

	void remove(ActorCell cell) {
		this.actors.remove(cell);
	}

	/**
	 * Whether a blocking call made on the current thread may run an actor of this pool right here:
	 * yes from threads outside every pool and from this pool's own threads, never from another
	 * pool's threads (that would break the other pool's bulkhead).
	 */
	boolean mayRunOnCurrentThread() {
		return !(Thread.currentThread() instanceof Worker worker) || worker.pool == this;
	}

	void execute(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			PoolDownException down = new PoolDownException("actor pool " + this.address + " is shut down");
			if (task instanceof Call call) {
				call.fail(down);
			}
			else if (task instanceof ActorCell cell) {
				cell.failQueued(down);
			}
		}
	}

	@Override
	public void shutdown(Duration timeout) {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "pool " + index() + " (" + name() + ") at " + this.address;
	}

	private final class WorkerFactory implements ForkJoinPool.ForkJoinWorkerThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
			Worker worker = new Worker(pool, ThreadActorPool.this);
			worker.setName("xoscar-" + name() + "-" + index() + "-"
					+ this.count.incrementAndGet());
			worker.setDaemon(true);
			return worker;
		}

	}

	/** A thread of one actor pool. */
	static final class Worker extends ForkJoinWorkerThread {

		final ThreadActorPool pool;

		/** The call an actor runs on this thread ({@link Running}). */
		final Running.Slot slot = new Running.Slot();

		Worker(ForkJoinPool executor, ThreadActorPool pool) {
			super(executor);
			this.pool = pool;
		}

	}

}
