package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.time.Time;
import io.xoscar.internal.transport.Transport;
import io.xoscar.internal.call.PoolStatus;

/**
 * What a node knows about its own health and that of its process pools: the debug thread, the
 * recorder of deadlock reports and alerts, the {@link Watchdog}, what process pools report, and the
 * periodic {@link PoolStatus} each process pool is asked for.
 */
final class NodeDebugging {

	/** How often process pools are asked for their {@link PoolStatus}, and how long an answer may take. */
	static final Duration POOL_STATUS_PERIOD = Duration.ofSeconds(1);

	private final String address;

	private final Pools pools;

	private final Transport transport;

	/** The node's meters, or {@code null}. */
	private final NodeMetrics metrics;

	/** Runs the watchdog and calls debug listeners. */
	private final ScheduledExecutorService thread;

	private final DebugRecorder recorder;

	private final Watchdog watchdog;

	NodeDebugging(ActorSystemConfig config, String address, Pools pools, ActorDirectory directory, Transport transport,
			NodeMetrics metrics, Time time) {
		this.address = address;
		this.pools = pools;
		this.transport = transport;
		this.metrics = metrics;
		this.thread = debugThread(address);
		String parent = config.debug().reportTo();
		this.recorder = new DebugRecorder(config.debug().history(), this.thread,
				(parent != null) ? (event) -> transport.report(parent, event) : null);
		config.debug().listeners().forEach(this.recorder::addListener);
		if (metrics != null) {
			this.recorder.addListener(metrics);
		}
		this.watchdog = new Watchdog(this.recorder, this.thread, directory::cells, config.debug().slowCallThreshold(),
				config.debug().backlogThreshold(), config.calls().timeout(), new Links(parent), time);
	}

	private static ScheduledExecutorService debugThread(String address) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "xoscar-debug-" + address);
			thread.setDaemon(true);
			return thread;
		});
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		return executor;
	}

	ScheduledExecutorService thread() {
		return this.thread;
	}

	Watchdog watchdog() {
		return this.watchdog;
	}

	/** Starts asking the process pools for their status. */
	void start() {
		this.thread.scheduleWithFixedDelay(this::askPoolStatus, 0, POOL_STATUS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** @return the deadlocks detected in this node and its process pools, newest first */
	List<DeadlockReport> deadlocks() {
		return this.recorder.deadlocks();
	}

	/** @return the alerts raised in this node and its process pools, newest first */
	List<SlowCallAlert> slowCalls() {
		return this.recorder.slowCalls();
	}

	Runnable addListener(DebugListener listener) {
		return this.recorder.addListener(listener);
	}

	/** One of the node's process pools detected a deadlock, raised an alert or told what it waits for. */
	void received(DebugEvent event) {
		if (event.drop() != null) {
			this.watchdog.acrossProcesses().drop(event.drop());
			return;
		}
		if (event.waits() != null) {
			if (this.pools.byAddress(event.waits().node()) instanceof ProcessActorPool) {
				this.watchdog.acrossProcesses().received(event.waits());
			}
			return;
		}
		ActorPool pool = this.pools.byAddress(event.address());
		if (pool != null) {
			this.recorder.received(event.inPool(pool.index()));
		}
	}

	/**
	 * Asks each running process pool what its mailboxes hold and what its actors ran (for health,
	 * listings and meters); the first time, also for a listing of its actors, so that the first
	 * listing a user asks for finds that path warm.
	 */
	private void askPoolStatus() {
		for (ActorPool pool : this.pools.all()) {
			if (pool instanceof ProcessActorPool process && process.isUp()) {
				if (process.status() == null) {
					this.transport.actors(process.address());
				}
				this.transport.status(process.address())
					.orTimeout(POOL_STATUS_PERIOD.toMillis(), TimeUnit.MILLISECONDS)
					.whenComplete((status, error) -> {
						if (status != null && process.isUp()) {
							process.status(status);
							if (this.metrics != null) {
								this.metrics.childCounts(process, status.calls());
							}
						}
					});
			}
		}
	}

	/** How this node's deadlock detection reaches its parent or its process pools. */
	private final class Links implements ProcessLinks {

		private final String parent;

		Links(String parent) {
			this.parent = parent;
		}

		@Override
		public String address() {
			return NodeDebugging.this.address;
		}

		@Override
		public String parent() {
			return this.parent;
		}

		@Override
		public void send(String node, DebugEvent event) {
			NodeDebugging.this.transport.report(node, event);
		}

		@Override
		public boolean inFamily(String node) {
			return node.equals(NodeDebugging.this.address)
					|| NodeDebugging.this.pools.byAddress(node) instanceof ProcessActorPool;
		}

		@Override
		public int poolIndex(String address) {
			ActorPool pool = NodeDebugging.this.pools.byAddress(address);
			return (pool != null) ? pool.index() : 0;
		}

	}

}
