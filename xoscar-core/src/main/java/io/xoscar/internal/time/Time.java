package io.xoscar.internal.time;

import java.time.Instant;

import io.xoscar.time.ActorClock;

/**
 * The time of one node: the machine's ({@link SystemTime}), or a clock the user gave
 * ({@link ClockTime}). Everything of the runtime that waits for time to pass asks it, never the
 * JDK directly, so that a test can drive it.
 */
public interface Time {

	/**
	 * @return monotonic milliseconds, cheap enough for every call (at most a tick behind)
	 */
	long millis();

	/**
	 * @return monotonic nanoseconds
	 */
	long nanos();

	/**
	 * @return the current instant, for time stamps of reports
	 */
	Instant instant();

	/**
	 * Runs a short task once after a delay, on time (delayed calls).
	 * @param delayNanos the delay
	 * @param task the task
	 * @return a way to cancel it
	 */
	ActorClock.Scheduled schedule(long delayNanos, Runnable task);

	/**
	 * Runs a short task once after a delay, possibly up to a tick late, at a cost small enough for
	 * every call (call deadlines).
	 * @param delayNanos the delay
	 * @param task the task
	 * @return a way to cancel it
	 */
	ActorClock.Scheduled expire(long delayNanos, Runnable task);

	/**
	 * @return whether this is the machine's time: a thread may then wait for a deadline itself
	 */
	boolean isReal();

	/** Stops the threads this time runs on; tasks not yet run are dropped. */
	void close();

}
