package io.xoscar.internal.time;

import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.netty.util.HashedWheelTimer;

import io.xoscar.time.ActorClock;

/**
 * The machine's time, for one node, on three daemon threads of its own (the last two started when
 * first needed):
 * <ul>
 * <li>a ticker that advances {@link #millis()} every {@value #TICK_MILLIS} ms, so that stamping a
 * call costs a field read where {@code System.nanoTime()} would cost as much as a whole in-JVM call;
 * <li>a hashed wheel for deadlines: it schedules and cancels one without a lock (a scheduled
 * executor's queue is one lock for all callers), at the price of firing up to a tick late;
 * <li>a scheduled executor for delayed calls, which fire on time.
 * </ul>
 */
public final class SystemTime implements Time {

	/** The grain of {@link #millis()} and of deadlines. */
	public static final int TICK_MILLIS = 10;

	private volatile long now = System.nanoTime() / 1_000_000;

	private volatile boolean closed;

	private final Thread ticker;

	private final HashedWheelTimer wheel;

	private final ScheduledThreadPoolExecutor timer;

	/**
	 * @param name names the threads (the node's address)
	 */
	public SystemTime(String name) {
		this.wheel = new HashedWheelTimer(daemon("xoscar-timeouts-" + name), TICK_MILLIS, TimeUnit.MILLISECONDS, 512,
				false);
		this.timer = new ScheduledThreadPoolExecutor(1, daemon("xoscar-timer-" + name));
		this.timer.setRemoveOnCancelPolicy(true);
		this.ticker = daemon("xoscar-clock-" + name).newThread(this::tick);
		this.ticker.start();
	}

	private void tick() {
		while (!this.closed) {
			LockSupport.parkNanos(TICK_MILLIS * 1_000_000L);
			this.now = System.nanoTime() / 1_000_000;
		}
	}

	@Override
	public long millis() {
		return this.now;
	}

	@Override
	public long nanos() {
		return System.nanoTime();
	}

	@Override
	public Instant instant() {
		return Instant.now();
	}

	@Override
	public ActorClock.Scheduled schedule(long delayNanos, Runnable task) {
		ScheduledFuture<?> scheduled = this.timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		return () -> scheduled.cancel(false);
	}

	@Override
	public ActorClock.Scheduled expire(long delayNanos, Runnable task) {
		try {
			io.netty.util.Timeout expiry = this.wheel.newTimeout((ignored) -> task.run(), delayNanos,
					TimeUnit.NANOSECONDS);
			return expiry::cancel;
		}
		catch (IllegalStateException ex) {
			throw new RejectedExecutionException("the node's time is stopped", ex);
		}
	}

	@Override
	public boolean isReal() {
		return true;
	}

	@Override
	public void close() {
		this.closed = true;
		LockSupport.unpark(this.ticker);
		this.timer.shutdownNow();
		this.wheel.stop();
	}

	private static ThreadFactory daemon(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
