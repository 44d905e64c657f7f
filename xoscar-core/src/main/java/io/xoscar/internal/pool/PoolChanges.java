package io.xoscar.internal.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.recovery.RecoveryEvent;

/**
 * The pools a node gains and loses while it runs: groups added at run time, pools removed, and
 * process pools whose process exited (recovery brings them back, or their actors are gone and calls
 * to them say why).
 */
final class PoolChanges {

	private static final Logger logger = LoggerFactory.getLogger(PoolChanges.class);

	private final Pools pools;

	private final ActorDirectory directory;

	/** The node's meters, or {@code null}. */
	private final NodeMetrics metrics;

	private final NodeLifecycle lifecycle;

	private final PoolRecovery recovery;

	private final RecoveryEvents events;

	PoolChanges(Pools pools, ActorDirectory directory, NodeMetrics metrics, NodeLifecycle lifecycle,
			PoolRecovery recovery, RecoveryEvents events) {
		this.pools = pools;
		this.directory = directory;
		this.metrics = metrics;
		this.lifecycle = lifecycle;
		this.recovery = recovery;
		this.events = events;
	}

	/**
	 * Adds a group of sub pools at run time; process pools start in the background.
	 * @param group the group
	 * @return the new pools, once they run; fails with {@link io.xoscar.exception.PoolStartException}
	 * if a process pool does not start (those of the group already started are stopped)
	 */
	CompletableFuture<List<ActorPool>> add(PoolConfig group) {
		try {
			this.lifecycle.checkOpen();
			if (group.mode() == PoolConfig.PoolMode.THREAD) {
				return CompletableFuture.completedFuture(added(this.pools.add(group)));
			}
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<List<ActorPool>> added = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			try {
				added.complete(added(this.pools.add(group)));
			}
			catch (Throwable ex) {
				added.completeExceptionally(ex);
			}
		}, "xoscar-add-pools-" + group.name());
		starter.setDaemon(true);
		starter.start();
		return added;
	}

	/** Starts metering pools that run. */
	List<ActorPool> added(List<ActorPool> added) {
		if (this.metrics != null) {
			added.forEach(this.metrics::pool);
		}
		return added;
	}

	/**
	 * Removes a sub pool: its actors are gone at once (a process pool's process is stopped in the
	 * background), and calls to them fail with {@link PoolDownException} saying so.
	 * @param index the pool index
	 * @return completes when the pool has stopped
	 */
	CompletableFuture<Void> remove(int index) {
		ActorPool pool;
		try {
			pool = this.pools.remove(index);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (this.metrics != null) {
			this.metrics.removePool(pool);
		}
		PoolEnds ends = this.directory.ends();
		if (pool instanceof ThreadActorPool threads) {
			List<ActorCell> cells = List.copyOf(threads.actors());
			ends.removed(pool, cells.stream().map(ActorCell::uid).toList());
			PoolDownException removed = new PoolDownException(ends.pool(pool.address()));
			for (ActorCell cell : cells) {
				this.directory.remove(cell, removed);
			}
		}
		else {
			((ProcessActorPool) pool).retire();
			ends.removed(pool, this.directory.forgetAll(pool));
			if (this.metrics != null) {
				this.metrics.childGone((ProcessActorPool) pool);
			}
		}
		CompletableFuture<Void> stopped = new CompletableFuture<>();
		Thread stopper = new Thread(() -> {
			try {
				pool.shutdown(Duration.ofSeconds(5));
				stopped.complete(null);
			}
			catch (Throwable ex) {
				stopped.completeExceptionally(ex);
			}
		}, "xoscar-remove-pool-" + index);
		stopper.setDaemon(true);
		stopper.start();
		return stopped;
	}

	/**
	 * A process pool's process exited without being asked to: recovery restarts it, or (recovery
	 * off) its actors are gone and calls to them fail saying why.
	 */
	void exited(ProcessActorPool pool, ProcessActorPool.Incarnation dead, int exitCode) {
		if (this.lifecycle.isClosed()) {
			return;
		}
		if (this.metrics != null) {
			this.metrics.childGone(pool);
		}
		if (this.recovery.enabled()) {
			this.recovery.crashed(pool, dead, exitCode);
			return;
		}
		String failure = PoolRecovery.describeExit(dead, exitCode);
		this.events.publish(new RecoveryEvent.PoolDown(Instant.now(), pool.index(), pool.name(), pool.address(),
				dead.child().pid(), failure, false));
		this.recovery.giveUp(pool, failure + "; recovery is off (restartProcesses)");
	}

}
