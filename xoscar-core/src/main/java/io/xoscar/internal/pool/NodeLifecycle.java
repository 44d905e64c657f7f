package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.DeserializedHandles;
import io.xoscar.internal.time.Time;
import io.xoscar.internal.transport.Transport;

/**
 * Whether a node is open, and its shutdown: in the reverse order of its start (actors, then pools,
 * then meters, the transport, the debug thread and the node's time).
 */
final class NodeLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(NodeLifecycle.class);

	private static final long DRAIN_CHECK_NANOS = 5_000_000;

	/** How much longer than the deadline a process pool may take to be killed and gone. */
	private static final long PROCESS_STOP_SLACK_MILLIS = 1000;

	private final String address;

	private final ActorDirectory directory;

	private final Pools pools;

	private final Transport transport;

	private final CallRouter router;

	/** The node's meters, or {@code null}. */
	private final NodeMetrics metrics;

	private final ScheduledExecutorService debugThread;

	private final Time time;

	/** Set by the first {@link #close}: the node refuses new actors and calls from outside its actors. */
	private final AtomicBoolean closing = new AtomicBoolean();

	private volatile boolean closed;

	NodeLifecycle(String address, ActorDirectory directory, Pools pools, Transport transport, CallRouter router,
			NodeMetrics metrics, ScheduledExecutorService debugThread, Time time) {
		this.address = address;
		this.directory = directory;
		this.pools = pools;
		this.transport = transport;
		this.router = router;
		this.metrics = metrics;
		this.debugThread = debugThread;
		this.time = time;
	}

	/** Undoes a start that failed: stops what did start, at once. */
	void abortStart() {
		this.pools.all().forEach((pool) -> pool.shutdown(Duration.ZERO));
		stopServices();
	}

	/** @throws PoolDownException once the node shuts down */
	void checkOpen() {
		if (this.closing.get()) {
			throw new PoolDownException(
					"actor system at " + this.address + (this.closed ? " is shut down" : " is shutting down"));
		}
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Shuts the node down by one deadline: from now on calls from outside the node's actors are
	 * refused; calls in flight and queued in this JVM may finish until the deadline, then every
	 * actor's preDestroy runs (within what is left); calls still running then fail with
	 * {@link PoolDownException} (and are interrupted), queued ones too, and the pools stop (process
	 * pools in parallel).
	 * @param timeout the whole shutdown's bound
	 */
	void close(Duration timeout) {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
		String shuttingDown = "actor system at " + this.address + " is shutting down";
		for (ActorCell cell : this.directory.cells()) {
			cell.refuseNewCalls(shuttingDown);
		}
		drain(deadline, timeout);
		this.closed = true;
		DeserializedHandles.unregister(this.address, this.router);
		runPreDestroyHooks(deadline, timeout);
		for (ActorCell cell : List.copyOf(this.directory.cells())) {
			cell.abortInFlight(shuttingDown + " and its shutdown timeout (" + timeout + ") has passed");
			this.directory.remove(cell, new PoolDownException(shuttingDown
					+ ": the call was still queued when its shutdown timeout (" + timeout + ") passed"));
		}
		stopPools(deadline);
		if (this.metrics != null) {
			this.metrics.close();
		}
		stopServices();
	}

	private void stopServices() {
		this.transport.close();
		this.debugThread.shutdownNow();
		this.time.close();
		DeserializedHandles.unregister(this.address, this.router);
	}

	/**
	 * Waits until no actor of this JVM has a call running or queued, or the deadline. Skipped when an
	 * actor's own thread shuts the node down: it would wait for itself.
	 */
	private void drain(long deadline, Duration timeout) {
		if (Thread.currentThread() instanceof ThreadActorPool.Worker) {
			return;
		}
		while (this.directory.cells().stream().anyMatch(ActorCell::isBusy)) {
			if (System.nanoTime() - deadline >= 0) {
				logger.warn("Actor system at {}: calls still running after {}; shutting down anyway", this.address, timeout);
				return;
			}
			LockSupport.parkNanos(Math.min(DRAIN_CHECK_NANOS, Math.max(1, deadline - System.nanoTime())));
		}
	}

	private void runPreDestroyHooks(long deadline, Duration timeout) {
		List<CompletableFuture<Void>> hooks = new ArrayList<>();
		for (ActorCell cell : this.directory.cells()) {
			CompletableFuture<Void> hook = new CompletableFuture<>();
			cell.pool().execute(() -> {
				try {
					cell.preDestroy();
				}
				catch (Throwable ex) {
					logger.warn("preDestroy of {} failed during shutdown", cell.describe("preDestroy"), ex);
				}
				hook.complete(null);
			});
			hooks.add(hook);
		}
		try {
			CompletableFuture.allOf(hooks.toArray(CompletableFuture[]::new))
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.warn("Actor system at {}: preDestroy hooks did not all finish within the shutdown timeout ({})",
					this.address, timeout);
		}
	}

	/** Stops the pools by the deadline: thread pools get what is left, process pools stop side by side. */
	private void stopPools(long deadline) {
		List<Thread> stopping = new ArrayList<>();
		for (ActorPool pool : this.pools.all()) {
			Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			if (pool instanceof ProcessActorPool) {
				Thread stopper = new Thread(() -> pool.shutdown(left), "xoscar-stop-pool-" + pool.index());
				stopper.setDaemon(true);
				stopper.start();
				stopping.add(stopper);
			}
			else {
				pool.shutdown(left);
			}
		}
		for (Thread stopper : stopping) {
			try {
				stopper.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + PROCESS_STOP_SLACK_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
