package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * When something was restarted lately: how many restarts fall within a window, so that
 * {@link io.xoscar.recovery.RestartLimits} can bound a crash loop.
 */
final class RestartWindow {

	/** System.nanoTime of each restart, oldest first. */
	private final ArrayDeque<Long> restarts = new ArrayDeque<>();

	/**
	 * @param now System.nanoTime
	 * @param window how far back restarts count
	 * @return the restarts within the window
	 */
	synchronized int count(long now, Duration window) {
		long oldest = now - window.toNanos();
		while (!this.restarts.isEmpty() && this.restarts.peekFirst() - oldest < 0) {
			this.restarts.removeFirst();
		}
		return this.restarts.size();
	}

	/** Counts a restart made now (System.nanoTime). */
	synchronized void record(long now) {
		this.restarts.addLast(now);
	}

}
