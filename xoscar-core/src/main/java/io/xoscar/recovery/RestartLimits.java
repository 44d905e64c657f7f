package io.xoscar.recovery;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how soon a failed process pool or actor is restarted: at most
 * {@code maxRestarts} restarts within any {@code within} window (one more failure and recovery
 * gives up), the first at once, each further one after an exponential backoff from
 * {@code minBackoff}, doubling up to {@code maxBackoff}, stretched by up to {@code jitter} (a
 * fraction) at random so that many restarts do not fall on the same instant.
 *
 * @param maxRestarts restarts allowed within the window, at least 0 (0: never restart)
 * @param within the window
 * @param minBackoff the wait before the second restart of a window
 * @param maxBackoff the longest wait
 * @param jitter the random stretch of each wait, a fraction from 0 to 1
 */
public record RestartLimits(int maxRestarts, Duration within, Duration minBackoff, Duration maxBackoff, double jitter) {

	/** 5 restarts within a minute, backoff from 200 ms up to 10 s, 20 % jitter. */
	public static final RestartLimits DEFAULTS = new RestartLimits(5, Duration.ofMinutes(1), Duration.ofMillis(200),
			Duration.ofSeconds(10), 0.2);

	public RestartLimits {
		if (maxRestarts < 0) {
			throw new IllegalArgumentException("maxRestarts must be at least 0, was " + maxRestarts);
		}
		positive("within", within);
		Objects.requireNonNull(minBackoff, "minBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
			throw new IllegalArgumentException(
					"backoff must be 0 <= minBackoff <= maxBackoff, was " + minBackoff + " and " + maxBackoff);
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("jitter must be a fraction from 0 to 1, was " + jitter);
		}
	}

	private static void positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

	/**
	 * @param restart which restart of the window this is, 0 for the first
	 * @param random a number from 0 (inclusive) to 1 (exclusive), for the jitter
	 * @return how long to wait before it: nothing for the first, else the backoff
	 */
	public Duration backoff(int restart, double random) {
		if (restart <= 0) {
			return Duration.ZERO;
		}
		long min = this.minBackoff.toNanos();
		long nanos = (restart - 1 >= 62 || min > (Long.MAX_VALUE >> (restart - 1))) ? Long.MAX_VALUE
				: min << (restart - 1);
		nanos = Math.min(nanos, this.maxBackoff.toNanos());
		return Duration.ofNanos(nanos + (long) (nanos * this.jitter * random));
	}

	/**
	 * @param maxRestarts restarts allowed within the window
	 * @param within the window
	 * @return these limits with another budget
	 */
	public RestartLimits withMaxRestarts(int maxRestarts, Duration within) {
		return new RestartLimits(maxRestarts, within, this.minBackoff, this.maxBackoff, this.jitter);
	}

	/**
	 * @param minBackoff the wait before the second restart of a window
	 * @param maxBackoff the longest wait
	 * @return these limits with another backoff
	 */
	public RestartLimits withBackoff(Duration minBackoff, Duration maxBackoff) {
		return new RestartLimits(this.maxRestarts, this.within, minBackoff, maxBackoff, this.jitter);
	}

	/**
	 * @param jitter the random stretch of each wait, a fraction from 0 to 1
	 * @return these limits with another jitter
	 */
	public RestartLimits withJitter(double jitter) {
		return new RestartLimits(this.maxRestarts, this.within, this.minBackoff, this.maxBackoff, jitter);
	}

}
