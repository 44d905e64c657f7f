package io.xoscar.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The time an {@link io.xoscar.ActorSystem} runs on: when calls time out, when slow-call and backlog
 * alerts are raised, when delayed calls are made, and the time stamps of what the system reports.
 * By default the system uses the machine's clock; a test gives its own (the {@code xoscar-test}
 * module's manual clock) to make time pass without waiting for it.
 * <p>
 * Meters measure real elapsed time whatever the clock, and the child JVMs of process pools always
 * run on the machine's clock.
 */
public interface ActorClock {

	/**
	 * @return monotonic nanoseconds (only differences between two readings mean something)
	 */
	long nanoTime();

	/**
	 * @return the current instant, for the time stamps of reports and alerts
	 */
	Instant instant();

	/**
	 * Runs a task once, when the clock has moved on by {@code delay}. The task must be short: it
	 * hands the real work over to the system's threads.
	 * @param delay how long from now
	 * @param task what to run
	 * @return a way to cancel it
	 */
	Scheduled schedule(Duration delay, Runnable task);

	/**
	 * A task the clock will run.
	 */
	@FunctionalInterface
	interface Scheduled {

		/** Cancels the task if it has not run yet; does nothing otherwise. */
		void cancel();

	}

}
