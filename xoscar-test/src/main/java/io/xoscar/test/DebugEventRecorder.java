package io.xoscar.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.xoscar.debug.DebugListener;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;

/**
 * A {@link DebugListener} that records the deadlock reports and the slow-call and backlog alerts a
 * system publishes, and lets a test wait for them with a bound instead of sleeping. Register it
 * with {@code ActorSystemConfig.builder().debugListener(recorder)} or
 * {@link io.xoscar.ActorSystem#addDebugListener(DebugListener)};
 * {@link ActorSystemExtension} and {@code @AutoConfigureXoscarTest} register one for you.
 * <p>
 * The await methods look at everything recorded since the recorder was made or last
 * {@link #clear() cleared}, so an event that arrived before the wait began is found too. Thread-safe.
 */
public final class DebugEventRecorder implements DebugListener {

	private final List<DeadlockReport> deadlocks = new ArrayList<>();

	private final List<SlowCallAlert> alerts = new ArrayList<>();

	private final List<SlowCallAlert> endedAlerts = new ArrayList<>();

	@Override
	public synchronized void onDeadlock(DeadlockReport report) {
		this.deadlocks.add(report);
		notifyAll();
	}

	@Override
	public synchronized void onSlowCall(SlowCallAlert alert) {
		this.alerts.add(alert);
		notifyAll();
	}

	@Override
	public synchronized void onSlowCallEnded(SlowCallAlert alert) {
		this.endedAlerts.add(alert);
		notifyAll();
	}

	/**
	 * @return the deadlock reports recorded so far, in the order they arrived
	 */
	public synchronized List<DeadlockReport> deadlocks() {
		return List.copyOf(this.deadlocks);
	}

	/**
	 * @return the slow-call and backlog alerts raised so far (each without a duration), in order
	 */
	public synchronized List<SlowCallAlert> alerts() {
		return List.copyOf(this.alerts);
	}

	/**
	 * @return the alerts whose call has ended (for a backlog: started), with their duration, in order
	 */
	public synchronized List<SlowCallAlert> endedAlerts() {
		return List.copyOf(this.endedAlerts);
	}

	/**
	 * Waits for the first deadlock report.
	 * @param within how long to wait at most
	 * @return the report
	 * @throws AssertionError if none arrives in time
	 */
	public DeadlockReport awaitDeadlock(Duration within) {
		return awaitDeadlock((report) -> true, within);
	}

	/**
	 * Waits for the first deadlock report that matches.
	 * @param matching which report
	 * @param within how long to wait at most
	 * @return the report
	 * @throws AssertionError if none arrives in time
	 */
	public DeadlockReport awaitDeadlock(Predicate<? super DeadlockReport> matching, Duration within) {
		return await(this.deadlocks, matching, within, "deadlock report");
	}

	/**
	 * Waits for the first slow-call or backlog alert that matches, as raised (without a duration).
	 * @param matching which alert
	 * @param within how long to wait at most
	 * @return the alert
	 * @throws AssertionError if none arrives in time
	 */
	public SlowCallAlert awaitAlert(Predicate<? super SlowCallAlert> matching, Duration within) {
		return await(this.alerts, matching, within, "slow-call or backlog alert");
	}

	/**
	 * Waits for the first alert that matches to end (its call ended or, for a backlog, started).
	 * @param matching which alert
	 * @param within how long to wait at most
	 * @return the alert, with its duration
	 * @throws AssertionError if none ends in time
	 */
	public SlowCallAlert awaitAlertEnded(Predicate<? super SlowCallAlert> matching, Duration within) {
		return await(this.endedAlerts, matching, within, "ended alert");
	}

	/**
	 * Waits until at least {@code count} deadlock reports have been recorded.
	 * @param count how many
	 * @param within how long to wait at most
	 * @return the reports recorded by then, in order
	 * @throws AssertionError if fewer arrive in time
	 */
	public List<DeadlockReport> awaitDeadlocks(int count, Duration within) {
		return awaitCount(this.deadlocks, count, within, "deadlock reports");
	}

	/**
	 * Waits until at least {@code count} alerts have been raised.
	 * @param count how many
	 * @param within how long to wait at most
	 * @return the alerts raised by then, in order
	 * @throws AssertionError if fewer are raised in time
	 */
	public List<SlowCallAlert> awaitAlerts(int count, Duration within) {
		return awaitCount(this.alerts, count, within, "slow-call or backlog alerts");
	}

	/**
	 * Waits until at least {@code count} alerts have ended.
	 * @param count how many
	 * @param within how long to wait at most
	 * @return the ended alerts by then, in order
	 * @throws AssertionError if fewer end in time
	 */
	public List<SlowCallAlert> awaitAlertsEnded(int count, Duration within) {
		return awaitCount(this.endedAlerts, count, within, "ended alerts");
	}

	/** Forgets everything recorded so far. */
	public synchronized void clear() {
		this.deadlocks.clear();
		this.alerts.clear();
		this.endedAlerts.clear();
	}

	private synchronized <T> T await(List<T> events, Predicate<? super T> matching, Duration within, String what) {
		long deadline = System.nanoTime() + within.toNanos();
		int seen = 0;
		while (true) {
			if (seen > events.size()) {
				// cleared meanwhile
				seen = 0;
			}
			for (; seen < events.size(); seen++) {
				T event = events.get(seen);
				if (matching.test(event)) {
					return event;
				}
			}
			waitUntil(deadline, what, () -> "no matching " + what + " arrived within " + within + "; recorded: "
					+ describe(events));
		}
	}

	private synchronized <T> List<T> awaitCount(List<T> events, int count, Duration within, String what) {
		long deadline = System.nanoTime() + within.toNanos();
		while (events.size() < count) {
			waitUntil(deadline, what, () -> "expected " + count + " " + what + " within " + within + ", got "
					+ events.size() + ": " + describe(events));
		}
		return List.copyOf(events);
	}

	/** Waits for the next event, holding this recorder's monitor; fails once the deadline has passed. */
	private void waitUntil(long deadline, String what, Supplier<String> failure) {
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			throw new AssertionError(failure.get());
		}
		try {
			wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for " + what, ex);
		}
	}

	private static String describe(List<?> events) {
		return events.isEmpty() ? "none" : events.toString();
	}

	@Override
	public synchronized String toString() {
		return "DebugEventRecorder[" + this.deadlocks.size() + " deadlocks, " + this.alerts.size() + " alerts, "
				+ this.endedAlerts.size() + " ended]";
	}

}
