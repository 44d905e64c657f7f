package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.xoscar.debug.DeadlockReport;

/**
 * Finds cycles of waiting calls that no single call chain shows: two (or more) chains each holding
 * a stateful actor and waiting for a call queued behind the other's holder ({@code a.transfer(b)}
 * and {@code b.transfer(a)} at once). Runs on the watchdog's thread, once per scan, and only from
 * the heads of mailboxes queued for at least {@link #QUEUED_MILLIS}: calls pay nothing for it.
 * <p>
 * The graph has one edge per call at most: a queued call waits for the call holding its actor's
 * lock; a running call waits for the call it is blocked on, or whose future its method returned
 * ({@link Call#waitsFor()}). Following edges from a mailbox head either ends, or comes back to a
 * call of its own walk: a cycle. Each call is walked once per scan, so a scan costs at most the
 * calls it reaches. A cycle counts only when a second scan finds the same calls in it again: every
 * edge once seen and seen again later held in between (a queued call stays queued until it starts,
 * a lock holder holds until it is done, and a wait on a call lasts until that call is done), so
 * the calls really were all waiting at once and none can move any more.
 * <p>
 * A wait the runtime cannot trace to a call (an actor awaiting a future derived from a call's future,
 * or whose thread is parked in a {@code join} of one) is guessed to be for the call it made last. A
 * cycle through a guessed wait is only reported, once it has lasted {@link Watchdog#CONFIRM_MILLIS}:
 * failing a call on a guess would be worse than the timeout.
 */
final class WaitForGraph {

	/** A mailbox whose head has been queued this long is where the graph is walked from. */
	static final long QUEUED_MILLIS = 50;

	/** The longest walk: deeper waits are not followed. */
	private static final int MAX_STEPS = 64;

	/** Cycles found by the last scan, by their calls. */
	private List<Cycle> previous = List.of();

	private final List<Cycle> found = new ArrayList<>();

	private final Set<Call> walked = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Starts a scan. */
	void begin() {
		this.walked.clear();
		this.found.clear();
	}

	/**
	 * Walks the waits from a mailbox head.
	 * @param head the oldest call of a stateful actor's mailbox, queued long enough
	 */
	void walkFrom(Call head) {
		List<Call> path = new ArrayList<>();
		List<Boolean> guessed = new ArrayList<>();
		Call node = head;
		while (node != null && path.size() < MAX_STEPS) {
			if (!this.walked.add(node)) {
				int start = indexOf(path, node);
				if (start >= 0) {
					this.found.add(new Cycle(path.subList(start, path.size()), guessed.subList(start, guessed.size())));
				}
				return;
			}
			path.add(node);
			Edge edge = edgeFrom(node);
			if (edge == null) {
				return;
			}
			guessed.add(edge.guessed);
			node = edge.to;
		}
	}

	/**
	 * Ends a scan.
	 * @param now the scan's time ({@link CoarseClock})
	 * @return the cycles found by this scan and the last one: those to break (every wait traced) or
	 * to report (some guessed, lasting long enough, not reported yet)
	 */
	List<Cycle> end(long now) {
		List<Cycle> due = new ArrayList<>();
		List<Cycle> kept = new ArrayList<>();
		for (Cycle cycle : this.found) {
			Cycle before = sameAs(cycle);
			if (before != null) {
				cycle.firstSeen = before.firstSeen;
				cycle.reported = before.reported;
				if (!cycle.isGuessed() || (!cycle.reported && now - cycle.firstSeen >= Watchdog.CONFIRM_MILLIS)) {
					due.add(cycle);
				}
			}
			else {
				cycle.firstSeen = now;
			}
			kept.add(cycle);
		}
		this.previous = kept;
		return due;
	}

	private Cycle sameAs(Cycle cycle) {
		for (Cycle before : this.previous) {
			if (before.calls.size() == cycle.calls.size() && before.members().containsAll(cycle.calls)) {
				return before;
			}
		}
		return null;
	}

	private static int indexOf(List<Call> path, Call node) {
		for (int i = 0; i < path.size(); i++) {
			if (path.get(i) == node) {
				return i;
			}
		}
		return -1;
	}

	/** @return what a call waits for, or {@code null} if it does not wait for a call of this JVM */
	static Edge edgeFrom(Call call) {
		ActorCell cell = call.cell;
		Call holder = cell.lockHolder();
		if (holder != call && call.startedAt == Call.NOT_STARTED && !call.hasStarted()) {
			// queued: behind the call holding the lock (a @NoLock call waits for no lock)
			return (holder != null && !call.noLock()) ? new Edge(holder, false) : null;
		}
		if (!cell.isInFlight(call)) {
			return null;
		}
		Object waited = call.waitsFor();
		if (waited instanceof Call next) {
			return new Edge(next, false);
		}
		boolean seemsToWait = (waited == Call.UNKNOWN_WAIT) || (waited == null && isParked(call.runner()));
		if (seemsToWait && call.outgoing instanceof Call last && last.isPending()) {
			return new Edge(last, true);
		}
		return null;
	}

	private static boolean isParked(Thread thread) {
		if (thread == null) {
			return false;
		}
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
	}

	/** A wait of one call for another, traced or guessed (from the call it made last). */
	record Edge(Call to, boolean guessed) {
	}

	/** Calls each waiting for the next, the last for the first. */
	static final class Cycle {

		final List<Call> calls;

		/** Per call: whether its wait for the next is guessed. */
		private final List<Boolean> guesses;

		long firstSeen;

		boolean reported;

		Cycle(List<Call> calls, List<Boolean> guesses) {
			this.calls = List.copyOf(calls);
			this.guesses = List.copyOf(guesses);
		}

		private Set<Call> members() {
			Set<Call> members = Collections.newSetFromMap(new IdentityHashMap<>());
			members.addAll(this.calls);
			return members;
		}

		boolean isGuessed() {
			return this.guesses.contains(Boolean.TRUE);
		}

		/** @return the youngest queued call the cycle waits on: failing it breaks the cycle */
		Call victim() {
			Call youngest = null;
			for (Call call : this.calls) {
				if (!call.hasStarted() && call.reply() != null
						&& (youngest == null || call.queuedAt >= youngest.queuedAt)) {
					youngest = call;
				}
			}
			return youngest;
		}

		/** @return the call waiting for {@code call} in the cycle */
		Call waiterOf(Call call) {
			int index = this.calls.indexOf(call);
			return this.calls.get((index + this.calls.size() - 1) % this.calls.size());
		}

		/**
		 * @param last the call the steps end with
		 * @return the cycle as steps, ending with {@code last}
		 */
		List<DeadlockReport.Step> steps(Call last) {
			List<DeadlockReport.Step> steps = new ArrayList<>();
			for (Call call : rotatedToEndWith(last)) {
				steps.add(new DeadlockReport.Step(call.cell.uid(), call.cell.info().type().getSimpleName(), call.method,
						call.cell.poolAddress()));
			}
			return steps;
		}

		/**
		 * @param last the call the description ends with
		 * @return who waits for whom, from the actor {@code last} waits for to {@code last}
		 */
		String describe(Call last) {
			List<Call> calls = rotatedToEndWith(last);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < calls.size(); i++) {
				Call call = calls.get(i);
				if (i == 0) {
					text.append(Callers.step(call));
				}
				Call next = calls.get((i + 1) % calls.size());
				boolean queued = edgeIsQueue(call);
				if (i == calls.size() - 1) {
					text.append(", queued behind ").append(Callers.step(next)).append(", which closes the cycle");
				}
				else if (queued) {
					text.append(", queued behind ").append(Callers.step(next));
				}
				else {
					text.append(this.guesses.get(this.calls.indexOf(call)) ? ", which seems to wait for its call "
							: ", which waits for its call ").append(Callers.step(next));
				}
			}
			return text.toString();
		}

		/** @return who made the calls of the cycle that came from outside it (the chains) */
		String chains() {
			List<String> chains = new ArrayList<>();
			for (Call call : this.calls) {
				if (call.caller != waiterOf(call) && call.caller != null) {
					chains.add(Callers.step(call) + " was called by " + Callers.describe(call.caller));
				}
			}
			return String.join("; ", chains);
		}

		private static boolean edgeIsQueue(Call call) {
			return call.startedAt == Call.NOT_STARTED && !call.hasStarted();
		}

		private List<Call> rotatedToEndWith(Call last) {
			int index = this.calls.indexOf(last);
			List<Call> rotated = new ArrayList<>(this.calls.size());
			for (int i = 1; i <= this.calls.size(); i++) {
				rotated.add(this.calls.get((index + i) % this.calls.size()));
			}
			return rotated;
		}

	}

}
