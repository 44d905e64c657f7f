package io.xoscar.internal.pool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.exception.DeadlockException;
import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.time.Time;

/**
 * The watchdog's cycle checks: a call whose chain closes a cycle fails at once; a queued call whose
 * chain names an actor that does not seem to wait is suspected until that actor is seen waiting (a
 * deadlock) or blocked long enough (reported); the wait-for graph of the calls queued behind a
 * holder finds cycles the chains cannot show; and calls that came from other processes are followed
 * with their nodes ({@link CrossProcessDeadlocks}).
 */
final class CycleChecks {

	/** How long an actor must stay blocked before a suspected cycle through it is reported. */
	static final long CONFIRM_MILLIS = 1000;

	private final DebugRecorder recorder;

	private final Time time;

	private final Map<Call, Suspect> suspects = new ConcurrentHashMap<>();

	private final WaitForGraph waits = new WaitForGraph();

	private final CrossProcessDeadlocks acrossProcesses;

	CycleChecks(DebugRecorder recorder, Time time, CrossProcessDeadlocks acrossProcesses) {
		this.recorder = recorder;
		this.time = time;
		this.acrossProcesses = acrossProcesses;
	}

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
				cell.poolAddress(), ThreadStacks.of(blocked)));
		return new DeadlockException(cycle.message());
	}

	/** A queued call whose chain names the actor it waits for, while that actor does not seem to wait. */
	void suspect(Call queued, ActorCell cell, CallChain.Cycle cycle) {
		this.suspects.putIfAbsent(queued, new Suspect(cell, cycle));
	}

	/** The head of a mailbox has been queued for a while behind a call holding the actor: walk the waits. */
	void waitsBehind(Call head) {
		this.waits.walkFrom(head);
	}

	/** @return where calls that came from other processes, and what they report, are followed */
	CrossProcessDeadlocks acrossProcesses() {
		return this.acrossProcesses;
	}

	/** A scan begins: the cells show their waits next. */
	void beginScan() {
		this.waits.begin();
	}

	/** The cells have shown their waits: settle the suspects and the cycles found. */
	void endScan(long now) {
		checkSuspects(now);
		for (WaitForGraph.Cycle cycle : this.waits.end(now)) {
			resolve(cycle);
		}
		this.acrossProcesses.scan(this.waits, now);
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
		List<String> stack = ThreadStacks.of(waiter.runner());
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

	private void checkSuspects(long now) {
		for (Map.Entry<Call, Suspect> entry : this.suspects.entrySet()) {
			Call queued = entry.getKey();
			Suspect suspect = entry.getValue();
			Call holder = suspect.cycle.holder();
			if (queued.startedAt != Call.NOT_STARTED || queued.hasStarted() || !suspect.cell.isAlive()
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
				suspect.cell.poolAddress(), ThreadStacks.of(suspect.cycle.holder().runner())));
	}

	private static boolean isBlocked(Thread thread) {
		if (thread == null) {
			return false;
		}
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
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
