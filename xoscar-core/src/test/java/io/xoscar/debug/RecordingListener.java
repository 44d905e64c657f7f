package io.xoscar.debug;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Collects what a node's debug listener hears; waits for it with a bound.
 */
public final class RecordingListener implements DebugListener {

	public final BlockingQueue<DeadlockReport> deadlocks = new LinkedBlockingQueue<>();

	public final BlockingQueue<SlowCallAlert> raised = new LinkedBlockingQueue<>();

	public final BlockingQueue<SlowCallAlert> ended = new LinkedBlockingQueue<>();

	@Override
	public void onDeadlock(DeadlockReport report) {
		this.deadlocks.add(report);
	}

	@Override
	public void onSlowCall(SlowCallAlert alert) {
		this.raised.add(alert);
	}

	@Override
	public void onSlowCallEnded(SlowCallAlert alert) {
		this.ended.add(alert);
	}

	/** @return the next item of the queue that matches, failing after {@code within} */
	public static <T> T next(BlockingQueue<T> queue, Predicate<T> matching, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			T item = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (item == null) {
				throw new AssertionError("nothing matching arrived within " + within);
			}
			if (matching.test(item)) {
				return item;
			}
		}
	}

}
