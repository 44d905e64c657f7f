package io.xoscar.internal.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.ActorSystem.PoolState;
import io.xoscar.config.RecoveryConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.pool.ProcessActorPool.Incarnation;
import io.xoscar.internal.process.ChildStartException;
import io.xoscar.internal.transport.Transport;
import io.xoscar.recovery.RecoveryEvent;
import io.xoscar.recovery.RestartLimits;

/**
 * Brings crashed process pools back: starts another process at the pool's address (after the
 * backoff its {@link RestartLimits} give), re-creates the pool's actors in their creation order with
 * the same uid, class and constructor arguments, then lets the calls that waited go. Gives a pool up
 * when its limits are spent: it is down for good, saying why. Restarts run on a thread of the node's
 * own, one at a time.
 */
final class PoolRecovery {

	private static final Logger logger = LoggerFactory.getLogger(PoolRecovery.class);

	/** Lines of a child's standard error that a failure quotes. */
	private static final int STDERR_LINES = 5;

	/** How long a lost connection to a process pool waits to see its process dead. */
	private static final Duration EXIT_WAIT = Duration.ofSeconds(2);

	private final RecoveryConfig config;

	private final ActorDirectory directory;

	private final Transport transport;

	private final RecoveryEvents events;

	/** The node's meters, or {@code null}. */
	private final NodeMetrics metrics;

	private final ScheduledExecutorService restarts;

	private volatile boolean closed;

	PoolRecovery(String nodeAddress, RecoveryConfig config, ActorDirectory directory, Transport transport,
			RecoveryEvents events, NodeMetrics metrics) {
		this.config = config;
		this.directory = directory;
		this.transport = transport;
		this.events = events;
		this.metrics = metrics;
		this.restarts = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "xoscar-recovery-" + nodeAddress);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** @return whether crashed process pools are restarted */
	boolean enabled() {
		return this.config.restartProcesses();
	}

	/**
	 * A process of a pool died: restart it (after its backoff), or give the pool up.
	 * @param pool the pool
	 * @param dead its process that died
	 * @param exitCode the process's exit code
	 */
	void crashed(ProcessActorPool pool, Incarnation dead, int exitCode) {
		String failure = describeExit(dead, exitCode);
		pool.beginRestart(failure, PoolEnds.exitKind(exitCode));
		if (pool.announceDeath(dead)) {
			this.events.publish(new RecoveryEvent.PoolDown(Instant.now(), pool.index(), pool.name(), pool.address(),
					dead.child().pid(), failure, true));
		}
		logger.warn("{}: {}; restarting it", PoolEnds.describe(pool), failure);
		scheduleRestart(pool, failure);
	}

	/** @return "its process (pid 12) was killed by signal 9 (SIGKILL), exit code 137", with the end of its stderr */
	static String describeExit(Incarnation dead, int exitCode) {
		StringBuilder failure = new StringBuilder("its process (pid ").append(dead.child().pid())
			.append(") ")
			.append(PoolEnds.exit(exitCode));
		List<String> stderr = dead.child().stderrTail();
		if (!stderr.isEmpty()) {
			failure.append("; the end of its standard error:");
			for (String line : stderr.subList(Math.max(0, stderr.size() - STDERR_LINES), stderr.size())) {
				failure.append("\n    ").append(line);
			}
		}
		return failure.toString();
	}

	/**
	 * The connection to a process pool was lost with calls in flight: if its process died (it is
	 * given a moment to be seen dead), they fail saying so, and whether it restarts.
	 * @param lost what they fail with otherwise
	 * @return what they fail with
	 */
	CompletableFuture<PoolDownException> explainLoss(ProcessActorPool pool, PoolDownException lost) {
		Incarnation process = pool.current();
		return process.child()
			.onExit()
			.completeOnTimeout(null, EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
			.handle((code, error) -> {
				if (code == null) {
					return lost;
				}
				boolean restarting = enabled() && !this.closed && pool.state() != PoolState.DOWN;
				return new PoolDownException(PoolEnds.describe(pool) + " went down while the call was in flight: "
						+ describeExit(process, code) + (restarting ? "; it is being restarted" : ""), lost, restarting);
			});
	}

	private void scheduleRestart(ProcessActorPool pool, String failure) {
		if (this.closed || pool.isRetired()) {
			return;
		}
		RestartLimits limits = this.config.processLimits();
		long now = System.nanoTime();
		int recent = pool.window().count(now, limits.within());
		if (recent >= limits.maxRestarts()) {
			giveUp(pool, recent, failure);
			return;
		}
		pool.window().record(now);
		Duration delay = limits.backoff(recent, ThreadLocalRandom.current().nextDouble());
		this.events.publish(new RecoveryEvent.PoolRestarting(Instant.now(), pool.index(), pool.name(), pool.address(),
				recent + 1, delay));
		try {
			this.restarts.schedule(() -> restart(pool, recent + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the node is closing
		}
	}

	private void restart(ProcessActorPool pool, int attempt) {
		if (this.closed || pool.isRetired()) {
			return;
		}
		Incarnation started;
		try {
			started = pool.relaunch();
		}
		catch (ChildStartException ex) {
			String failure = "its new process did not start: " + ex.getMessage();
			logger.warn("{}: {}", PoolEnds.describe(pool), failure);
			pool.beginRestart(failure, "start-failed");
			scheduleRestart(pool, failure);
			return;
		}
		catch (RuntimeException ex) {
			String failure = "its new process did not start: " + ex.getMessage();
			logger.warn("{}: {}", PoolEnds.describe(pool), failure, ex);
			pool.beginRestart(failure, "start-failed");
			scheduleRestart(pool, failure);
			return;
		}
		int actors = recreateActors(pool, started);
		if (pool.current() != started || !started.child().isAlive()) {
			// it died meanwhile: its exit restarts it again
			return;
		}
		Duration took = pool.restarted();
		if (this.metrics != null) {
			this.metrics.poolRestarted(pool, took);
		}
		logger.info("{} runs again (pid {}, attempt {}) with {} actor(s), {} ms after it went down",
				PoolEnds.describe(pool), started.child().pid(), attempt, actors, took.toMillis());
		this.events.publish(new RecoveryEvent.PoolRestarted(Instant.now(), pool.index(), pool.name(), pool.address(),
				started.child().pid(), attempt, took, actors));
	}

	/**
	 * Makes the pool's actors again in its new process, oldest first. An actor that cannot be made
	 * again is forgotten (calls to it then fail as to an actor that is not there), and logged.
	 * @return how many were made again
	 */
	private int recreateActors(ProcessActorPool pool, Incarnation started) {
		int made = 0;
		long deadline = System.nanoTime() + pool.startTimeout().toNanos();
		for (ActorDirectory.Recreation recreation : this.directory.placedIn(pool)) {
			if (pool.current() != started || !started.child().isAlive()) {
				return made;
			}
			ActorRecipe recipe = recreation.recipe();
			CompletableFuture<String> created = this.transport.create(pool.address(), recipe.type(), recipe.uid(),
					recipe.args());
			try {
				created.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				made++;
			}
			catch (ExecutionException | TimeoutException ex) {
				Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
				if (started.child().isAlive()) {
					String why = "actor '" + recipe.uid() + "' (" + recipe.type().getName() + ") was not made again after "
							+ PoolEnds.describe(pool) + " restarted at " + Instant.now() + ": " + cause;
					logger.warn(why);
					this.directory.forget(recreation.actor());
					this.directory.ends().removedActor(recipe.uid(), why);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return made;
			}
		}
		return made;
	}

	private void giveUp(ProcessActorPool pool, int restarts, String failure) {
		RestartLimits limits = this.config.processLimits();
		String why = "recovery gave it up after " + restarts + " restart(s) within " + limits.within() + "; last, "
				+ failure;
		giveUp(pool, why);
		this.events.publish(new RecoveryEvent.PoolGaveUp(Instant.now(), pool.index(), pool.name(), pool.address(),
				restarts, why));
	}

	/**
	 * The pool is down for good: its actors are forgotten and calls to them fail at once saying why.
	 * @param why what happened, after "process pool 1 (gpu) at ... is down: "
	 */
	void giveUp(ProcessActorPool pool, String why) {
		List<String> uids = this.directory.forgetAll(pool);
		String reason = this.directory.ends().down(pool, uids, why);
		pool.down(reason);
		if (this.metrics != null) {
			this.metrics.childGone(pool);
		}
		logger.warn("{}; its {} actor(s) are gone and calls to them fail", reason, uids.size());
	}

	void close() {
		this.closed = true;
		this.restarts.shutdownNow();
	}

}
