package io.xoscar.internal.time;

import java.time.Duration;
import java.time.Instant;

import io.xoscar.time.ActorClock;

/**
 * A node's time from a clock the user gave (a test's manual clock).
 */
public final class ClockTime implements Time {

	private final ActorClock clock;

	public ClockTime(ActorClock clock) {
		this.clock = clock;
	}

	@Override
	public long millis() {
		return this.clock.nanoTime() / 1_000_000;
	}

	@Override
	public long nanos() {
		return this.clock.nanoTime();
	}

	@Override
	public Instant instant() {
		return this.clock.instant();
	}

	@Override
	public ActorClock.Scheduled schedule(long delayNanos, Runnable task) {
		return this.clock.schedule(Duration.ofNanos(delayNanos), task);
	}

	@Override
	public ActorClock.Scheduled expire(long delayNanos, Runnable task) {
		return schedule(delayNanos, task);
	}

	@Override
	public boolean isReal() {
		return false;
	}

	@Override
	public void close() {
		// the clock belongs to who gave it
	}

}
