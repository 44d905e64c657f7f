package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.internal.call.StreamEnd;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.debug.WaitFragment;

/**
 * Finds cycles of waiting calls that no single call chain shows: two (or more) chains each holding
 * a stateful actor and waiting for a call queued behind the other's holder ({@code a.transfer(b)}
 * and {@code b.transfer(a)} at once). Runs on the watchdog's thread, once per scan, and only from
 * the heads of mailboxes queued for at least {@link #QUEUED_MILLIS} and from calls that came from
 * other processes that long ago: calls pay nothing for it.
 * <p>
 * The graph has one edge per call at most: a queued call waits for the call holding its actor's
 * lock; a running call waits for the call it is blocked on, or whose future its method returned
 * ({@link Call#waitsFor()}). Each call's edge is read once per scan. Following edges from a mailbox
 * head either ends, leaves the JVM (a wait for a call to another process), or comes back to a call
 * of its own walk: a cycle. A cycle counts only when the next scan finds the same calls in it
 * again: every edge once seen and seen again later held in between (a queued call stays queued until
 * it starts, a lock holder holds until it is done, and a wait on a call lasts until that call is
 * done), so the calls really were all waiting at once and none can move any more.
 * <p>
 * A walk from a call that came from another process and leaves the JVM again is a
 * {@link WaitFragment}: the node and its process pools put theirs together to find the cycles that
 * span processes ({@link CrossProcessWaits}).
 * <p>
 * A wait the runtime cannot trace to a call (an actor awaiting a future derived from a call's future,
 * or whose thread is parked in a {@code join} of one) is guessed to be for the call it made last. A
 * cycle through a guessed wait is only reported, once it has lasted {@link Watchdog#CONFIRM_MILLIS}:
 * failing a call on a guess would be worse than the timeout. A call whose thread is parked while the
 * stream it subscribed to last owes it items it asked for waits for that stream's call: that is
 * traced, not guessed.
 */
final class WaitForGraph {

	/** A mailbox whose head has been queued this long is where the graph is walked from. */
	static final long QUEUED_MILLIS = 50;

	/** The longest walk: deeper waits are not followed. */
	private static final int MAX_STEPS = 64;

	/** What a call waits for that is not a call of this JVM: nothing, or nothing the walk can follow. */
	private static final Object END = new Object();

	/** Cycles found by the last scan, by their calls. */
	private List<Cycle> previous = List.of();

	private final List<Cycle> found = new ArrayList<>();

	/** This scan's edges: per call, an {@link Edge}, a {@link Callers.RemoteCall} or {@link #END}. */
	private final Map<Call, Object> edges = new IdentityHashMap<>();

	/** Calls already walked from in this scan. */
	private final Set<Call> walked = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Starts a scan. */
	void begin() {
		this.edges.clear();
		this.walked.clear();
		this.found.clear();
	}

	/**
	 * Walks the waits from a mailbox head.
	 * @param head the oldest call of a stateful actor's mailbox, queued long enough
	 */
	void walkFrom(Call head) {
		List<Call> path = new ArrayList<>();
		Call node = head;
		while (node != null && path.size() < MAX_STEPS) {
			if (!this.walked.add(node)) {
				int start = indexOf(path, node);
				if (start >= 0) {
					this.found.add(new Cycle(path.subList(start, path.size()), guesses(path.subList(start, path.size()))));
				}
				return;
			}
			path.add(node);
			node = (edgeOf(node) instanceof Edge edge) ? edge.to : null;
		}
	}

	/**
	 * Follows the waits from a call that came from another process.
	 * @param entry the call
	 * @param node this JVM's node address
	 * @param queuedById where the queued calls of the walk are put, by the id it gives them
	 * @return the walk, when it leaves this JVM again through traced waits, else {@code null}
	 */
	WaitFragment fragmentFrom(Call entry, String node, Map<Long, Call> queuedById) {
		ChainLink waiter = (entry.chain != null) ? entry.chain.link() : null;
		if (waiter == null) {
			return null;
		}
		List<Call> path = new ArrayList<>();
		Call call = entry;
		while (path.size() < MAX_STEPS) {
			if (indexOf(path, call) >= 0) {
				return null;
			}
			path.add(call);
			Object edge = edgeOf(call);
			if (edge instanceof Callers.RemoteCall remote) {
				ChainLink exit = CallChain.linkOf(call);
				return (exit != null) ? fragment(node, waiter, entry, path, exit, remote, queuedById) : null;
			}
			if (!(edge instanceof Edge next) || next.guessed) {
				return null;
			}
			call = next.to;
		}
		return null;
	}

	private static WaitFragment fragment(String node, ChainLink waiter, Call entry, List<Call> path, ChainLink exit,
			Callers.RemoteCall remote, Map<Long, Call> queuedById) {
		List<DeadlockReport.Step> steps = new ArrayList<>();
		List<WaitFragment.Queued> queued = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		long now = entry.cell.time.millis();
		for (int i = 0; i < path.size(); i++) {
			Call call = path.get(i);
			steps.add(step(call));
			text.append((i == 0) ? "" : isQueued(path.get(i - 1)) ? ", queued behind " : ", which waits for its call ")
				.append(Callers.step(call));
			if (isQueued(call) && call.reply() != null) {
				queued.add(new WaitFragment.Queued(call.chainId(), Math.max(0, now - call.queuedAt), describeQueued(path, i)));
				queuedById.put(call.chainId(), call);
			}
		}
		text.append(isQueued(path.get(path.size() - 1)) ? ", queued behind " : ", which waits for its call ")
			.append("'").append(remote.uid()).append("'.").append(remote.method()).append(" at ").append(remote.address());
		return new WaitFragment(node, waiter, entry.cell.uid(), entry.cell.poolAddress(), exit, remote.address(),
				remote.uid(), steps, queued, text.toString());
	}

	/** @return "the call of X made by Y" for the queued call at {@code index} of a walk */
	private static String describeQueued(List<Call> path, int index) {
		Call call = path.get(index);
		Object caller = (index > 0) ? path.get(index - 1) : call.caller;
		return "the call of " + Callers.step(call) + " made by " + Callers.describe(caller);
	}

	/**
	 * Ends a scan.
	 * @param now the scan's time ({@link io.xoscar.internal.time.Time#millis()})
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
				if (!cycle.isGuessed() || (!cycle.reported && now - cycle.firstSeen >= CycleChecks.CONFIRM_MILLIS)) {
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

	private List<Boolean> guesses(List<Call> calls) {
		List<Boolean> guesses = new ArrayList<>(calls.size());
		for (Call call : calls) {
			guesses.add(edgeOf(call) instanceof Edge edge && edge.guessed);
		}
		return guesses;
	}

	private static int indexOf(List<Call> path, Call node) {
		for (int i = 0; i < path.size(); i++) {
			if (path.get(i) == node) {
				return i;
			}
		}
		return -1;
	}

	/** @return the call's edge of this scan, read once */
	private Object edgeOf(Call call) {
		Object edge = this.edges.get(call);
		if (edge == null) {
			edge = readEdge(call);
			this.edges.put(call, edge);
		}
		return edge;
	}

	/** @return what a call waits for: an {@link Edge} to a call of this JVM, a remote call, or {@link #END} */
	static Object readEdge(Call call) {
		ActorCell cell = call.cell;
		Call holder = cell.lockHolder();
		if (holder != call && isQueued(call)) {
			// queued: behind the call holding the lock (a @NoLock call waits for no lock)
			return (holder != null && !call.noLock()) ? new Edge(holder, false) : END;
		}
		if (!cell.isInFlight(call)) {
			return END;
		}
		Object waited = call.waitsFor();
		if (waited instanceof Call next) {
			return new Edge(next, false);
		}
		if (waited instanceof Callers.RemoteCall remote) {
			return remote;
		}
		boolean parked = isParked(call.runner());
		if (waited == null && parked && call.outgoing instanceof Callers.RemoteCall remote && remote.isPending()
				&& remote.sent().get() instanceof StreamEnd stream && stream.owesItems()) {
			// parked while a stream of another process owes it items it asked for: it waits for them
			return remote;
		}
		boolean seemsToWait = (waited == Call.UNKNOWN_WAIT) || (waited == null && parked);
		if (seemsToWait && call.outgoing instanceof Call last && last.isPending()) {
			// parked while the stream it subscribed to owes it items it asked for: it waits for them
			boolean owed = parked && last.invocable() instanceof StreamingInvocable stream && stream.relay().owesItems();
			return new Edge(last, !owed);
		}
		return END;
	}

	static boolean isQueued(Call call) {
		return call.startedAt == Call.NOT_STARTED && !call.hasStarted();
	}

	private static boolean isParked(Thread thread) {
		if (thread == null) {
			return false;
		}
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
	}

	static DeadlockReport.Step step(Call call) {
		return new DeadlockReport.Step(call.cell.uid(), call.cell.info().type().getSimpleName(), call.method,
				call.cell.poolAddress());
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
				if (isQueued(call) && call.reply() != null && (youngest == null || call.queuedAt >= youngest.queuedAt)) {
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
				steps.add(step(call));
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
				if (i == calls.size() - 1) {
					text.append(", queued behind ").append(Callers.step(next)).append(", which closes the cycle");
				}
				else if (isQueued(call)) {
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
