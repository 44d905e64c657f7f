package io.xoscar.internal.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * Milliseconds that cost a field read: a daemon thread advances them every {@value #TICK_MILLIS} ms.
 * Calls are stamped with it on their hot path, where {@code System.nanoTime()} would cost as much
 * as a whole in-JVM call; ages of calls in flight need no finer grain.
 */
final class CoarseClock {

	static final int TICK_MILLIS = 10;

	private static volatile long now = System.nanoTime() / 1_000_000;

	static {
		Thread ticker = new Thread(() -> {
			while (true) {
				LockSupport.parkNanos(TICK_MILLIS * 1_000_000L);
				now = System.nanoTime() / 1_000_000;
			}
		}, "xoscar-clock");
		ticker.setDaemon(true);
		ticker.start();
	}

	private CoarseClock() {
	}

	/** @return monotonic milliseconds, at most one tick behind */
	static long millis() {
		return now;
	}

}
