package io.xoscar.internal.debug;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;

/**
 * Where a node's deadlock reports and slow-call alerts go: a bounded history of each, a log line
 * for what this process detected, its listeners (called one at a time on the node's debug thread),
 * and, in a process pool, the parent node. What a process pool reports is recorded and published
 * here but not logged again: its own log already has it.
 */
public final class DebugRecorder {

	private static final Logger logger = LoggerFactory.getLogger("io.xoscar.debug");

	/** A cycle detected again within this time is counted, not logged again. */
	private static final long LOG_AGAIN_NANOS = Duration.ofMinutes(1).toNanos();

	private final int historySize;

	private final Executor notifier;

	private final Consumer<DebugEvent> parent;

	private final List<DebugListener> listeners = new CopyOnWriteArrayList<>();

	private final Deque<DeadlockReport> deadlocks = new ArrayDeque<>();

	/** By address and id: an alert that ends replaces the one raised. */
	private final Map<String, SlowCallAlert> slowCalls = new LinkedHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, Throttle> logged = new ConcurrentHashMap<>();

	/**
	 * @param historySize how many deadlock reports, and how many alerts, are kept
	 * @param notifier the thread listeners are called on
	 * @param parent where a process pool forwards what it detects, or {@code null}
	 */
	public DebugRecorder(int historySize, Executor notifier, Consumer<DebugEvent> parent) {
		this.historySize = historySize;
		this.notifier = notifier;
		this.parent = parent;
	}

	/** @return a number for a new report or alert */
	public long nextId() {
		return this.ids.incrementAndGet();
	}

	public Runnable addListener(DebugListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/** A deadlock this process detected. */
	public void deadlock(DeadlockReport report) {
		logDeadlock(report);
		record(report);
		forward(DebugEvent.of(report));
	}

	/** An alert this process raised. */
	public void slowCall(SlowCallAlert alert) {
		logger.warn(AlertText.raised(alert));
		record(alert);
		forward(DebugEvent.of(alert));
	}

	/** An alert of this process whose call ended. */
	public void slowCallEnded(SlowCallAlert alert) {
		if (logger.isInfoEnabled()) {
			logger.info(AlertText.ended(alert));
		}
		record(alert);
		forward(DebugEvent.of(alert));
	}

	/** What a process pool of this node detected. */
	public void received(DebugEvent event) {
		if (event.deadlock() != null) {
			record(event.deadlock());
		}
		else if (event.alert() != null) {
			record(event.alert());
		}
	}

	private void record(DeadlockReport report) {
		synchronized (this.deadlocks) {
			this.deadlocks.addFirst(report);
			while (this.deadlocks.size() > this.historySize) {
				this.deadlocks.removeLast();
			}
		}
		notifyListeners((listener) -> listener.onDeadlock(report));
	}

	private void record(SlowCallAlert alert) {
		synchronized (this.slowCalls) {
			String key = alert.address() + "#" + alert.id();
			if (alert.ended() && !this.slowCalls.containsKey(key)) {
				// evicted while it ran: listeners still hear that it ended
				notifyListeners((listener) -> listener.onSlowCallEnded(alert));
				return;
			}
			this.slowCalls.put(key, alert);
			while (this.slowCalls.size() > this.historySize) {
				this.slowCalls.remove(this.slowCalls.keySet().iterator().next());
			}
		}
		notifyListeners((listener) -> {
			if (alert.ended()) {
				listener.onSlowCallEnded(alert);
			}
			else {
				listener.onSlowCall(alert);
			}
		});
	}

	/** @return the deadlocks recorded, newest first */
	public List<DeadlockReport> deadlocks() {
		synchronized (this.deadlocks) {
			return List.copyOf(this.deadlocks);
		}
	}

	/** @return the alerts recorded, newest first, each as it is now (running, or ended) */
	public List<SlowCallAlert> slowCalls() {
		List<SlowCallAlert> alerts;
		synchronized (this.slowCalls) {
			alerts = new ArrayList<>(this.slowCalls.values());
		}
		java.util.Collections.reverse(alerts);
		return alerts;
	}

	private void forward(DebugEvent event) {
		if (this.parent != null) {
			try {
				this.parent.accept(event);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not forward {} to the parent node", event, ex);
			}
		}
	}

	private void notifyListeners(Consumer<DebugListener> call) {
		if (this.listeners.isEmpty()) {
			return;
		}
		try {
			this.notifier.execute(() -> {
				for (DebugListener listener : this.listeners) {
					try {
						call.accept(listener);
					}
					catch (RuntimeException ex) {
						logger.warn("Debug listener {} failed", listener, ex);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the node is shutting down
		}
	}

	private void logDeadlock(DeadlockReport report) {
		String cycle = report.detection() + " " + report.cycle();
		Throttle throttle = this.logged.computeIfAbsent(cycle, (key) -> new Throttle());
		long suppressed = throttle.pass(System.nanoTime());
		if (suppressed >= 0) {
			logger.warn(AlertText.deadlock(report, suppressed));
		}
	}

	/** Lets a cycle be logged once a minute, counting the detections in between. */
	private static final class Throttle {

		private long loggedAt;

		private long suppressed;

		private boolean logged;

		/** @return the detections suppressed since it was last logged if it may be logged now, else -1 */
		synchronized long pass(long now) {
			if (this.logged && now - this.loggedAt < LOG_AGAIN_NANOS) {
				this.suppressed++;
				return -1;
			}
			long count = this.suppressed;
			this.logged = true;
			this.loggedAt = now;
			this.suppressed = 0;
			return count;
		}

	}

}
