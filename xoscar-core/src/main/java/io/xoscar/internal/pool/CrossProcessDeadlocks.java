package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.exception.DeadlockException;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.debug.WaitFragment;
import io.xoscar.internal.time.Time;

/**
 * Deadlocks that span the processes of a node (a node and its process pools): each scan, the calls
 * that came from another process and have waited a while are followed through this JVM
 * ({@link WaitForGraph#fragmentFrom}); a process pool sends the parts it finds to its parent, and the
 * parent puts them together with its own ({@link CrossProcessWaits}). When they close a cycle, the
 * youngest queued call of the cycle fails with {@link DeadlockException} (in whichever process it
 * waits), the parent records, logs and publishes the deadlock, and the other calls go on. Runs on
 * the node's debug thread; calls from other processes pay one queue offer.
 */
final class CrossProcessDeadlocks {

	/** The most parts a process sends at once. */
	private static final int MAX_FRAGMENTS = 1000;

	private final ProcessLinks links;

	private final Time time;

	private final DebugRecorder recorder;

	private final Executor thread;

	private final Queue<Call> arrivals = new ConcurrentLinkedQueue<>();

	/** Calls from other processes not answered yet (debug thread only). */
	private final List<Call> entries = new ArrayList<>();

	/** The queued calls of the parts found by the last scan, by the id the parts give them. */
	private Map<Long, Call> offered = Map.of();

	/** Puts the family's parts together; {@code null} in a process pool, which sends its parts. */
	private final CrossProcessWaits waits;

	private boolean sentSome;

	CrossProcessDeadlocks(ProcessLinks links, DebugRecorder recorder, Executor thread, Time time) {
		this.time = time;
		this.links = links;
		this.recorder = recorder;
		this.thread = thread;
		this.waits = (links.parent() == null) ? new CrossProcessWaits(links::inFamily) : null;
	}

	/** A call came from another process with the chain of its waiters. */
	void arrived(Call call) {
		this.arrivals.offer(call);
	}

	/** Follows the waits of the calls from other processes; puts the parts together or sends them. */
	void scan(WaitForGraph graph, long now) {
		Call arrived;
		while ((arrived = this.arrivals.poll()) != null) {
			this.entries.add(arrived);
		}
		this.entries.removeIf((call) -> call.reply().isDone());
		Map<Long, Call> queued = new HashMap<>();
		List<WaitFragment> fragments = new ArrayList<>();
		for (Call entry : this.entries) {
			if (fragments.size() < MAX_FRAGMENTS && now - entry.queuedAt >= WaitForGraph.QUEUED_MILLIS) {
				WaitFragment fragment = graph.fragmentFrom(entry, this.links.address(), queued);
				if (fragment != null) {
					fragments.add(fragment);
				}
			}
		}
		this.offered = queued;
		if (this.waits == null) {
			if (!fragments.isEmpty() || this.sentSome) {
				this.links.send(this.links.parent(), DebugEvent.of(new DebugEvent.Waits(this.links.address(), fragments)));
				this.sentSome = !fragments.isEmpty();
			}
			return;
		}
		this.waits.update(this.links.address(), fragments, now);
		for (CrossProcessWaits.Found found : this.waits.check(now)) {
			resolve(found);
		}
	}

	/** A process pool of this node told the parts it sees now. */
	void received(DebugEvent.Waits waits) {
		if (this.waits != null) {
			onThread(() -> this.waits.update(waits.node(), waits.fragments(), this.time.millis()));
		}
	}

	/** The parent asks to fail a call of this process that closes a deadlock. */
	void drop(DebugEvent.Drop drop) {
		onThread(() -> dropHere(drop.call(), drop.message()));
	}

	private boolean dropHere(long id, String message) {
		Call call = this.offered.get(id);
		return call != null && call.dropWith(new DeadlockException(message));
	}

	private void resolve(CrossProcessWaits.Found found) {
		List<DeadlockReport.Step> steps = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (WaitFragment fragment : found.cycle()) {
			steps.addAll(fragment.steps());
			texts.add(fragment.text() + " (in " + fragment.node() + ")");
		}
		WaitFragment first = found.cycle().get(0);
		if (found.acrossNodes()) {
			String message = "deadlock across nodes, as node " + this.links.address() + " sees it: '"
					+ first.waiter().uid() + "'." + first.waiter().method() + " at " + first.waiter().address()
					+ " waits for " + texts.get(0) + ", which is a call to the node that waiter is on; that node's side"
					+ " of the cycle is not visible here, so the calls are left to their timeouts";
			record(steps, message, first.actorAddress());
			return;
		}
		String message = "deadlock across processes: " + String.join("; then ", texts)
				+ "; the youngest wait failed: " + found.victim().call();
		if (found.node().equals(this.links.address())) {
			if (!dropHere(found.victim().id(), message)) {
				return;
			}
		}
		else {
			this.links.send(found.node(), DebugEvent.of(new DebugEvent.Drop(found.victim().id(), message)));
		}
		record(steps, message, found.node());
	}

	private void record(List<DeadlockReport.Step> steps, String message, String address) {
		this.recorder.deadlock(new DeadlockReport(this.recorder.nextId(), this.time.instant(),
				DeadlockReport.Detection.WAIT_FOR_GRAPH, steps, message, this.links.poolIndex(address), address,
				List.of()));
	}

	private void onThread(Runnable task) {
		try {
			this.thread.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// the node is shutting down
		}
	}

}
