package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.exception.DeadlockException;
import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.reflect.MethodInfo;
import io.xoscar.internal.time.SystemTime;
import io.xoscar.internal.time.Time;
import io.xoscar.internal.call.Deadlines;

/**
 * Watches a node's actors from its debug thread: fails the futures of calls past the node's call
 * timeout (those without a timeout of their own), raises an alert for a call running past its
 * slow-call threshold and for a mailbox whose oldest call waits past the backlog threshold, ends
 * alerts whose calls are gone, and checks the calls suspected of closing a cycle through a wait the
 * call chain cannot show. It scans the actors every tick; calls pay nothing for it but the
 * timestamps they carry anyway.
 */
final class Watchdog {

	private static final Logger logger = LoggerFactory.getLogger(Watchdog.class);

	/** How long an actor must stay blocked before a suspected cycle through it is reported. */
	static final long CONFIRM_MILLIS = 1000;

	private static final int MAX_FRAMES = 64;

	/**
	 * The longest pause between scans: alerts and default timeouts come at most this late (or a tenth
	 * of the node's thresholds and timeout, if less), also for methods that declare a lower threshold.
	 */
	private static final long MAX_TICK_MILLIS = 100;

	private final DebugRecorder recorder;

	private final ScheduledExecutorService thread;

	private final Supplier<Collection<ActorCell>> cells;

	private final long slowCallMillis;

	private final long backlogMillis;

	private final Duration callTimeout;

	private final Set<Alert> active = ConcurrentHashMap.newKeySet();

	private final Map<Call, Suspect> suspects = new ConcurrentHashMap<>();

	private final WaitForGraph waits = new WaitForGraph();

	private final Time time;

	private final CrossProcessDeadlocks acrossProcesses;

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
		this.recorder = recorder;
		this.time = time;
		this.acrossProcesses = new CrossProcessDeadlocks(links, recorder, thread, time);
		this.thread = thread;
		this.cells = cells;
		this.slowCallMillis = slowCallThreshold.toMillis();
		this.backlogMillis = backlogThreshold.toMillis();
		this.callTimeout = callTimeout;
		long shortest = Math.min(Math.min(this.slowCallMillis, this.backlogMillis), callTimeout.toMillis());
		long tick = Math.max(SystemTime.TICK_MILLIS, Math.min(MAX_TICK_MILLIS, shortest / 10));
		thread.scheduleWithFixedDelay(this::scan, tick, tick, TimeUnit.MILLISECONDS);
	}

	// what cells report

	/**
	 * A call closed a cycle: it fails, and the deadlock is reported.
	 * @param cycle the cycle
	 * @param cell the actor where it closes
	 * @return the exception the call fails with
	 */
	DeadlockException deadlock(CallChain.Cycle cycle, ActorCell cell) {
		Thread blocked = (cycle.holder() != null) ? cycle.holder().runner() : null;
		this.recorder.deadlock(new DeadlockReport(this.recorder.nextId(), this.time.instant(),
				DeadlockReport.Detection.CALL_CHAIN, cycle.steps(), cycle.message(), cell.pool().index(),
				cell.poolAddress(), stackOf(blocked)));
		return new DeadlockException(cycle.message());
	}

	/** A queued call whose chain names the actor it waits for, while that actor does not seem to wait. */
	void suspect(Call queued, ActorCell cell, CallChain.Cycle cycle) {
		this.suspects.putIfAbsent(queued, new Suspect(cell, cycle));
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

	// the scan

	private void scan() {
		try {
			long now = this.time.millis();
			this.waits.begin();
			for (ActorCell cell : this.cells.get()) {
				cell.watch(this, now);
			}
			reconcile(now);
			checkSuspects(now);
			for (WaitForGraph.Cycle cycle : this.waits.end(now)) {
				resolve(cycle);
			}
			this.acrossProcesses.scan(this.waits, now);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("Watchdog scan failed", ex);
		}
	}

	/** A call in flight: fail it past the node's timeout, alert if it runs past its threshold. */
	void checkRunning(ActorCell cell, Call call, long now) {
		if (timesOut(cell, call, now)) {
			return;
		}
		long startedAt = call.startedAt;
		if (call.alert != null || startedAt == Call.NOT_STARTED) {
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
				state += "; its last call: " + Callers.step(awaited) + ", " + awaited.cell.whereStuck(awaited);
				shown = awaited.runner();
			}
			else if (call.outgoing instanceof Callers.RemoteCall remote) {
				state += "; its last call: '" + remote.uid() + "'." + remote.method() + " at " + remote.address()
						+ " (another process), made " + Math.max(0, now - remote.startedAt()) + " ms ago";
			}
		}
		raise(call, cell, SlowCallAlert.Kind.SLOW_CALL, elapsed, threshold, state, shown);
	}

	/** The oldest call of a mailbox: fail it past the node's timeout; alert if it waits past the backlog threshold. */
	void checkQueued(ActorCell cell, Call head, Call holder, long now) {
		if (head == null || timesOut(cell, head, now) || head.alert != null || head.startedAt != Call.NOT_STARTED
				|| head.hasStarted()) {
			return;
		}
		long waited = now - head.queuedAt;
		if (waited < this.backlogMillis) {
			return;
		}
		raise(head, cell, SlowCallAlert.Kind.BACKLOG, waited, this.backlogMillis, cell.whereStuck(head),
				(holder != null) ? holder.runner() : null);
	}

	/** @return where calls that came from other processes, and what they report, are followed */
	CrossProcessDeadlocks acrossProcesses() {
		return this.acrossProcesses;
	}

	/** The head of a mailbox has been queued for a while behind a call holding the actor: walk the waits. */
	void waitsBehind(Call head) {
		this.waits.walkFrom(head);
	}

	/**
	 * A cycle of waiting calls found twice: when every wait of it is traced, its youngest queued call
	 * fails with {@link DeadlockException} (its caller sees it, the others then go on); when one is
	 * guessed, it is reported once. A cycle the chain check already suspects is left to it.
	 */
	private void resolve(WaitForGraph.Cycle cycle) {
		if (cycle.calls.stream().anyMatch(this.suspects::containsKey)) {
			return;
		}
		Call victim = cycle.victim();
		if (victim == null) {
			return;
		}
		Call waiter = cycle.waiterOf(victim);
		String found = "deadlock: " + cycle.describe(victim);
		String chains = cycle.chains();
		String context = chains.isEmpty() ? "" : " (call chains: " + chains + ")";
		// where the waiter waits, taken before its wait ends
		List<String> stack = stackOf(waiter.runner());
		if (cycle.isGuessed()) {
			cycle.reported = true;
			report(cycle, victim, stack, found + "; a wait of the cycle cannot be traced to a call (such as a join on"
					+ " a future derived from a call), so its calls stay queued until they time out" + context);
			return;
		}
		String message = found + "; the youngest wait failed: the call of " + Callers.step(victim) + " made by "
				+ Callers.step(waiter) + context;
		if (victim.dropWith(new DeadlockException(message))) {
			report(cycle, victim, stack, message);
		}
	}

	private void report(WaitForGraph.Cycle cycle, Call victim, List<String> stack, String message) {
		ActorCell cell = victim.cell;
		this.recorder.deadlock(new DeadlockReport(this.recorder.nextId(), this.time.instant(),
				DeadlockReport.Detection.WAIT_FOR_GRAPH, cycle.steps(victim), message, cell.pool().index(),
				cell.poolAddress(), stack));
	}

	/** @return whether the call's future was failed: the node's timeout, which bounds it, has passed */
	private boolean timesOut(ActorCell cell, Call call, long now) {
		if (!call.boundByNode || !Deadlines.isOverdue(call.queuedAt, this.callTimeout, now) || call.reply().isDone()) {
			return false;
		}
		cell.timeOut(call, this.callTimeout);
		return true;
	}

	private void raise(Call call, ActorCell cell, SlowCallAlert.Kind kind, long elapsed, long threshold, String state,
			Thread shown) {
		SlowCallAlert raised = new SlowCallAlert(this.recorder.nextId(), kind, this.time.instant(), cell.pool().index(),
				cell.poolAddress(), cell.uid(), cell.info().type().getName(), call.method, Callers.describe(call.caller),
				Duration.ofMillis(elapsed), Duration.ofMillis(threshold), cell.backlog(), state,
				(shown != null) ? shown.getName() : null, stackOf(shown), null);
		Alert alert = new Alert(raised, call);
		this.active.add(alert);
		call.alert = alert;
		this.recorder.slowCall(raised);
	}

	/** Ends the alerts whose calls are gone without their thread seeing the alert. */
	private void reconcile(long now) {
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
				if ((started || call.hasStarted() || !call.cell.isValid()) && alert.end()) {
					publishEnded(alert, (started ? startedAt : now) - call.queuedAt);
				}
			}
		}
	}

	private void checkSuspects(long now) {
		for (Map.Entry<Call, Suspect> entry : this.suspects.entrySet()) {
			Call queued = entry.getKey();
			Suspect suspect = entry.getValue();
			Call holder = suspect.cycle.holder();
			if (queued.startedAt != Call.NOT_STARTED || queued.hasStarted() || !suspect.cell.isValid()
					|| !suspect.cell.holds(holder)) {
				this.suspects.remove(queued);
			}
			else if (holder.isWaiting()) {
				// it waits where the chain shows it now: the queued call can never run
				this.suspects.remove(queued);
				DeadlockException deadlock = deadlock(suspect.cycle, suspect.cell);
				queued.dropWith(deadlock);
			}
			else if (!isBlocked(holder.runner())) {
				suspect.blockedSince = 0;
			}
			else if (suspect.blockedSince == 0) {
				suspect.blockedSince = now;
			}
			else if (now - suspect.blockedSince >= CONFIRM_MILLIS) {
				this.suspects.remove(queued);
				reportWaitForGraph(suspect, now);
			}
		}
	}

	private void reportWaitForGraph(Suspect suspect, long now) {
		DeadlockReport.Step first = suspect.cycle.steps().get(0);
		String message = "deadlock: " + suspect.cycle.path() + "; '" + first.uid() + "' has been blocked for "
				+ (now - suspect.blockedSince) + " ms in a wait its call chain does not show (such as a join on a future"
				+ " derived from a call, or a latch) while the last call waits for it; that call stays queued until it"
				+ " times out";
		this.recorder.deadlock(new DeadlockReport(this.recorder.nextId(), this.time.instant(),
				DeadlockReport.Detection.WAIT_FOR_GRAPH, suspect.cycle.steps(), message, suspect.cell.pool().index(),
				suspect.cell.poolAddress(), stackOf(suspect.cycle.holder().runner())));
	}

	private static boolean isBlocked(Thread thread) {
		if (thread == null) {
			return false;
		}
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
	}

	/**
	 * @param thread a thread, or {@code null}
	 * @return its stack down to the actor method it runs (the runtime's frames below are left out, and
	 * so are the runtime's frames on top when the thread is the current one), at most
	 * {@value #MAX_FRAMES} frames
	 */
	static List<String> stackOf(Thread thread) {
		if (thread == null) {
			return List.of();
		}
		StackTraceElement[] frames = thread.getStackTrace();
		int from = 0;
		if (thread == Thread.currentThread()) {
			while (from < frames.length && isRuntime(frames[from].getClassName())) {
				from++;
			}
		}
		int to = frames.length;
		for (int i = from; i < frames.length; i++) {
			if (frames[i].getClassName().equals(MethodInfo.class.getName())) {
				to = i;
				while (to > from && isReflection(frames[to - 1].getClassName())) {
					to--;
				}
				break;
			}
		}
		List<String> stack = new ArrayList<>(Math.min(to - from, MAX_FRAMES));
		for (int i = from; i < to && stack.size() < MAX_FRAMES; i++) {
			stack.add(frames[i].toString());
		}
		return stack;
	}

	private static boolean isRuntime(String className) {
		return className.startsWith("io.xoscar.internal.") || className.equals(Thread.class.getName());
	}

	private static boolean isReflection(String className) {
		return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.");
	}

	/** A queued call that would close a cycle if the first actor of the cycle waits. */
	private static final class Suspect {

		final ActorCell cell;

		final CallChain.Cycle cycle;

		/** Since when the first actor's thread has been seen blocked, 0 if not. */
		long blockedSince;

		Suspect(ActorCell cell, CallChain.Cycle cycle) {
			this.cell = cell;
			this.cycle = cycle;
		}

	}

}
