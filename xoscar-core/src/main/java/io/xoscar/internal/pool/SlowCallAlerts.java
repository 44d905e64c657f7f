package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import io.xoscar.debug.SlowCallAlert;
import io.xoscar.observation.ActorCallKind;
import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.time.Time;

/**
 * The watchdog's alerts: a call running past its slow-call threshold, a mailbox whose oldest call
 * waits past the backlog threshold, each with the stack of the thread concerned; and their end, seen
 * by the call's thread or, for calls gone without it, by the next scan.
 */
final class SlowCallAlerts {

	private final DebugRecorder recorder;

	private final ScheduledExecutorService thread;

	private final Time time;

	private final long slowCallMillis;

	private final long backlogMillis;

	private final Set<Alert> active = ConcurrentHashMap.newKeySet();

	SlowCallAlerts(DebugRecorder recorder, ScheduledExecutorService thread, Time time, Duration slowCallThreshold,
			Duration backlogThreshold) {
		this.recorder = recorder;
		this.thread = thread;
		this.time = time;
		this.slowCallMillis = slowCallThreshold.toMillis();
		this.backlogMillis = backlogThreshold.toMillis();
	}

	/** The thread of a call an alert was raised for saw it end (or start, for a backlog). */
	void ended(Alert alert, long millis) {
		if (alert.end()) {
			publishEnded(alert, millis);
		}
	}

	private void publishEnded(Alert alert, long millis) {
		SlowCallAlert ended = alert.raised.endedAfter(Duration.ofMillis(Math.max(0, millis)));
		try {
			// after the raise, which this thread published first
			this.thread.execute(() -> {
				this.active.remove(alert);
				this.recorder.slowCallEnded(ended);
			});
		}
		catch (RejectedExecutionException ex) {
			// the node is shutting down
		}
	}

	/**
	 * A call in flight: an alert if it runs past its threshold. A stream's call is not slow: it lasts
	 * as long as its subscriber wants items (a stream that sends none fails by its call timeout).
	 */
	void running(ActorCell cell, Call call, long now) {
		long startedAt = call.startedAt;
		if (call.alert != null || startedAt == Call.NOT_STARTED || call.kind() == ActorCallKind.STREAM) {
			return;
		}
		Duration declared = call.invocable().limits().slowCallThreshold();
		long threshold = (declared != null) ? declared.toMillis() : this.slowCallMillis;
		long elapsed = now - startedAt;
		if (elapsed < threshold) {
			return;
		}
		Thread runner = call.runner();
		String state;
		Thread shown = runner;
		if (runner != null) {
			state = "running on thread " + runner.getName();
		}
		else {
			state = "awaiting an asynchronous result";
			if (call.outgoing instanceof Call awaited) {
				state += "; its last call: " + Callers.step(awaited) + ", " + CallProgress.whereStuck(awaited.cell, awaited);
				shown = awaited.runner();
			}
			else if (call.outgoing instanceof Callers.RemoteCall remote) {
				state += "; its last call: '" + remote.uid() + "'." + remote.method() + " at " + remote.address()
						+ " (another process), made " + Math.max(0, now - remote.startedAt()) + " ms ago";
			}
		}
		raise(call, cell, SlowCallAlert.Kind.SLOW_CALL, elapsed, threshold, state, shown);
	}

	/** The oldest call of a mailbox: an alert if it waits past the backlog threshold. */
	void queued(ActorCell cell, Call head, Call holder, long now) {
		if (head.alert != null || head.startedAt != Call.NOT_STARTED
				|| head.hasStarted()) {
			return;
		}
		long waited = now - head.queuedAt;
		if (waited < this.backlogMillis) {
			return;
		}
		raise(head, cell, SlowCallAlert.Kind.BACKLOG, waited, this.backlogMillis, CallProgress.whereStuck(cell, head),
				(holder != null) ? holder.runner() : null);
	}

	private void raise(Call call, ActorCell cell, SlowCallAlert.Kind kind, long elapsed, long threshold, String state,
			Thread shown) {
		SlowCallAlert raised = new SlowCallAlert(this.recorder.nextId(), kind, this.time.instant(), cell.pool().index(),
				cell.poolAddress(), cell.uid(), cell.info().type().getName(), call.method, Callers.describe(call.caller),
				Duration.ofMillis(elapsed), Duration.ofMillis(threshold), cell.backlog(), state,
				(shown != null) ? shown.getName() : null, ThreadStacks.of(shown), null);
		Alert alert = new Alert(raised, call);
		this.active.add(alert);
		call.alert = alert;
		this.recorder.slowCall(raised);
	}

	/** Ends the alerts whose calls are gone without their thread seeing the alert. */
	void reconcile(long now) {
		for (Alert alert : this.active) {
			if (alert.isEnded()) {
				continue;
			}
			Call call = alert.call;
			if (alert.raised.kind() == SlowCallAlert.Kind.SLOW_CALL) {
				if (!call.cell.isInFlight(call) && alert.end()) {
					publishEnded(alert, now - call.startedAt);
				}
			}
			else {
				long startedAt = call.startedAt;
				boolean started = startedAt != Call.NOT_STARTED;
				if ((started || call.hasStarted() || !call.cell.isAlive()) && alert.end()) {
					publishEnded(alert, (started ? startedAt : now) - call.queuedAt);
				}
			}
		}
	}

}
