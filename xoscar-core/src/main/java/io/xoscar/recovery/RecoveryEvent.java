package io.xoscar.recovery;

import java.time.Duration;
import java.time.Instant;

/**
 * What recovery did or saw, as a {@link RecoveryListener} hears it. A process pool whose process
 * died is {@link PoolDown}, then (with recovery on) {@link PoolRestarting} before each attempt and
 * {@link PoolRestarted} once its actors are back, or {@link PoolGaveUp} when its restart limits are
 * spent. An actor of this JVM restarted by its {@link Supervision} is {@link ActorRestarted}, one
 * removed because its limits are spent {@link ActorGaveUp}.
 */
public sealed interface RecoveryEvent permits RecoveryEvent.PoolDown, RecoveryEvent.PoolRestarting,
		RecoveryEvent.PoolRestarted, RecoveryEvent.PoolGaveUp, RecoveryEvent.ActorRestarted, RecoveryEvent.ActorGaveUp {

	/** @return when it happened */
	Instant at();

	/**
	 * A process pool's process died without being asked to.
	 * @param at when the death was noticed
	 * @param pool the pool index
	 * @param poolName the pool (group) name
	 * @param address the pool address
	 * @param pid the process id of the process that died
	 * @param reason what happened, e.g. "was killed by signal 9 (SIGKILL), exit code 137"
	 * @param restarting whether recovery restarts it
	 */
	record PoolDown(Instant at, int pool, String poolName, String address, long pid, String reason,
			boolean restarting) implements RecoveryEvent {
	}

	/**
	 * A process pool is about to be restarted.
	 * @param at when the attempt was scheduled
	 * @param pool the pool index
	 * @param poolName the pool (group) name
	 * @param address the pool address, which the new process takes again
	 * @param attempt the attempt, counted within the restart window from 1
	 * @param delay how long it waits (backoff) before starting the process
	 */
	record PoolRestarting(Instant at, int pool, String poolName, String address, int attempt,
			Duration delay) implements RecoveryEvent {
	}

	/**
	 * A process pool runs again at its address, its actors re-created.
	 * @param at when it was back
	 * @param pool the pool index
	 * @param poolName the pool (group) name
	 * @param address the pool address
	 * @param pid the new process id
	 * @param attempt the attempt that succeeded, counted within the restart window from 1
	 * @param took from the death to the pool being back (backoff, process start and re-creation)
	 * @param actors how many actors were re-created
	 */
	record PoolRestarted(Instant at, int pool, String poolName, String address, long pid, int attempt, Duration took,
			int actors) implements RecoveryEvent {
	}

	/**
	 * Recovery gave a process pool up: it is down for good, and calls to its actors fail at once.
	 * @param at when it gave up
	 * @param pool the pool index
	 * @param poolName the pool (group) name
	 * @param address the pool address
	 * @param restarts restarts made within the window before it gave up
	 * @param reason why: the last failure (exit code or signal, the tail of the child's standard
	 * error)
	 */
	record PoolGaveUp(Instant at, int pool, String poolName, String address, int restarts,
			String reason) implements RecoveryEvent {
	}

	/**
	 * An actor of this JVM was restarted by its supervision: a new instance, with the same uid,
	 * class and constructor arguments, takes the calls queued for it.
	 * @param at when the new instance was ready
	 * @param uid the actor uid
	 * @param actorClass the actor class name
	 * @param address the pool address
	 * @param restarts restarts within the window, this one included
	 * @param reason the failure that caused it (exception class and message)
	 */
	record ActorRestarted(Instant at, String uid, String actorClass, String address, int restarts,
			String reason) implements RecoveryEvent {
	}

	/**
	 * An actor's restart limits are spent: it was removed, and calls to it fail saying why.
	 * @param at when it was removed
	 * @param uid the actor uid
	 * @param actorClass the actor class name
	 * @param address the pool address
	 * @param restarts restarts made within the window
	 * @param reason the last failure (exception class and message)
	 */
	record ActorGaveUp(Instant at, String uid, String actorClass, String address, int restarts,
			String reason) implements RecoveryEvent {
	}

}
