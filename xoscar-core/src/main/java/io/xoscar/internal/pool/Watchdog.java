package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.time.SystemTime;
import io.xoscar.internal.time.Time;

/**
 * Watches a node's actors from its debug thread: every tick it shows each actor's calls in flight and
 * the oldest call of its mailbox to its three jobs — the node's call timeout ({@link OverdueCalls}),
 * alerts ({@link SlowCallAlerts}) and cycle checks ({@link CycleChecks}). Calls pay nothing for it but
 * the timestamps they carry anyway.
 */
final class Watchdog {

	private static final Logger logger = LoggerFactory.getLogger(Watchdog.class);

	/**
	 * The longest pause between scans: alerts and default timeouts come at most this late (or a tenth
	 * of the node's thresholds and timeout, if less), also for methods that declare a lower threshold.
	 */
	private static final long MAX_TICK_MILLIS = 100;

	private final Supplier<Collection<ActorCell>> cells;

	private final Time time;

	private final OverdueCalls overdue;

	private final SlowCallAlerts alerts;

	private final CycleChecks cycles;

	/**
	 * @param recorder where alerts and reports go
	 * @param thread the node's debug thread
	 * @param cells the node's actors in this JVM
	 * @param slowCallThreshold the node's slow-call threshold
	 * @param backlogThreshold the node's backlog threshold
	 * @param callTimeout the node's call timeout (the default of its callers)
	 * @param links how the node reaches its parent or its process pools
	 * @param time the node's time
	 */
	Watchdog(DebugRecorder recorder, ScheduledExecutorService thread, Supplier<Collection<ActorCell>> cells,
			Duration slowCallThreshold, Duration backlogThreshold, Duration callTimeout, ProcessLinks links, Time time) {
		this.cells = cells;
		this.time = time;
		this.overdue = new OverdueCalls(callTimeout);
		this.alerts = new SlowCallAlerts(recorder, thread, time, slowCallThreshold, backlogThreshold);
		this.cycles = new CycleChecks(recorder, time, new CrossProcessDeadlocks(links, recorder, thread, time));
		long shortest = Math.min(Math.min(slowCallThreshold.toMillis(), backlogThreshold.toMillis()),
				callTimeout.toMillis());
		long tick = Math.max(SystemTime.TICK_MILLIS, Math.min(MAX_TICK_MILLIS, shortest / 10));
		thread.scheduleWithFixedDelay(this::scan, tick, tick, TimeUnit.MILLISECONDS);
	}

	SlowCallAlerts alerts() {
		return this.alerts;
	}

	CycleChecks cycles() {
		return this.cycles;
	}

	/** @return where calls that came from other processes, and what they report, are followed */
	CrossProcessDeadlocks acrossProcesses() {
		return this.cycles.acrossProcesses();
	}

	private void scan() {
		try {
			long now = this.time.millis();
			this.cycles.beginScan();
			for (ActorCell cell : this.cells.get()) {
				cell.watch(this, now);
			}
			this.alerts.reconcile(now);
			this.cycles.endScan(now);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("Watchdog scan failed", ex);
		}
	}

	/** A call in flight: it fails past the node's timeout, and an alert is raised past its threshold. */
	void checkRunning(ActorCell cell, Call call, long now) {
		if (!this.overdue.timeOut(cell, call, now)) {
			this.alerts.running(cell, call, now);
		}
	}

	/** The oldest call of a mailbox: it fails past the node's timeout; an alert if it waits past the backlog threshold. */
	void checkQueued(ActorCell cell, Call head, Call holder, long now) {
		if (head != null && !this.overdue.timeOut(cell, head, now)) {
			this.alerts.queued(cell, head, holder, now);
		}
	}

	/** The head of a mailbox has been queued for a while behind a call holding the actor: walk the waits. */
	void waitsBehind(Call head) {
		this.cycles.waitsBehind(head);
	}

}
