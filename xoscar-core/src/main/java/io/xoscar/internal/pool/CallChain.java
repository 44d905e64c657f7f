package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.exception.DeadlockException;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.call.ChainLinks;

/**
 * The stateful actors a call keeps waiting, innermost first: each entry is an actor whose call
 * (holding its lock) made the call below it. A call that needs the lock of an actor in its own chain,
 * while that actor's lock is still held by the entry's call and that call waits (in a blocking call
 * it made, a {@code join}, or for an asynchronous result), can never run: it fails at once with
 * {@link DeadlockException}. Tells carry no chain: nobody waits for them. Between processes the
 * chain travels with the request ({@link ChainLink}); the node holding an actor checks it.
 */
public final class CallChain implements ChainLinks.Entry {

	/** The actor, when it lives in this JVM; else {@link #address} and {@link #uid} name it. */
	private final ActorCell cell;

	private final String address;

	private final String uid;

	private final String method;

	/** The call that holds the actor's lock and made the call carrying this entry (this JVM's). */
	private final Call holder;

	/** The id of that call, for entries that came over the wire. */
	private final long holderId;

	private final CallChain next;

	private CallChain(ActorCell cell, String address, String uid, String method, Call holder, long holderId,
			CallChain next) {
		this.cell = cell;
		this.address = address;
		this.uid = uid;
		this.method = method;
		this.holder = holder;
		this.holderId = holderId;
		this.next = next;
	}

	/**
	 * A call to an actor of another process is made now on this thread: records it as the last call of
	 * the actor's call running here (if one does), for alerts.
	 * @param address the callee's pool address
	 * @param uid the callee's uid
	 * @param method the method called
	 * @return the chain the call sends along, {@code null} if none
	 */
	static List<ChainLink> linksOfRemoteCall(String address, String uid, String method) {
		Call current = Running.current();
		if (current != null) {
			current.outgoing = new Callers.RemoteCall(address, uid, method, current.cell.time.millis());
		}
		return ChainLinks.of(of(current));
	}

	/**
	 * The call to another process that the current actor's call made last was sent: its future is
	 * what that call waits on when it waits for it.
	 * @param future the future its caller got
	 */
	static void sentRemoteCall(Future<?> future) {
		Call current = Running.current();
		if (current != null && current.outgoing instanceof Callers.RemoteCall remote) {
			remote.sent().set(future);
		}
	}

	/**
	 * Runs a wait the current actor's call makes on a call it made: while it lasts, the actor waits
	 * (marked from before the call is sent, so that the callee can never miss it).
	 * @param wait sends the call and waits for it
	 * @return what the wait returns
	 */
	static <T> T waiting(Supplier<T> wait) {
		Call waiter = Running.current();
		if (waiter == null) {
			return wait.get();
		}
		boolean outer = waiter.blocked;
		waiter.blocked = true;
		try {
			return wait.get();
		}
		finally {
			waiter.blocked = outer;
		}
	}

	@Override
	public ChainLink link() {
		return new ChainLink(this.address, this.uid, this.method,
				(this.holder != null) ? this.holder.chainId() : this.holderId);
	}

	@Override
	public CallChain next() {
		return this.next;
	}

	/**
	 * @param call a call of this JVM
	 * @return the first link of the chain its calls to other processes carry (the stateful actor
	 * nearest to it that waits for it), or {@code null} if they carry none
	 */
	static ChainLink linkOf(Call call) {
		CallChain chain = of(call);
		return (chain != null) ? chain.link() : null;
	}

	/** @return the chain a call received from another process carries, {@code null} if none */
	static CallChain of(List<ChainLink> links) {
		return ChainLinks.chain(links, CallChain::received);
	}

	/** @return the entry of a chain received from another process that a link stands for */
	private static CallChain received(ChainLink link, CallChain next) {
		return new CallChain(null, link.address(), link.uid(), link.method(), null, link.holder(), next);
	}

	/**
	 * @return the chain a call made now on this thread carries, {@code null} outside actors
	 */
	static CallChain ofCurrentThread() {
		return of(Running.current());
	}

	/**
	 * @param current the call running on the caller's thread, or {@code null}
	 * @return the chain a call it makes carries
	 */
	static CallChain of(Call current) {
		if (current == null) {
			return null;
		}
		if (current.cell.holds(current)) {
			ActorCell cell = current.cell;
			return new CallChain(cell, cell.poolAddress(), cell.uid(), current.method, current, 0, current.chain);
		}
		return current.chain;
	}

	/**
	 * A cycle a call would close: the actors from the first waiting one to the call.
	 *
	 * @param steps the actors and methods, the call to the first actor last
	 * @param holder the call of the first actor that waits (for its stack), or {@code null} if remote
	 */
	record Cycle(List<DeadlockReport.Step> steps, Call holder) {

		String path() {
			return String.join(" -> ", this.steps.stream().map(DeadlockReport.Step::toString).toList());
		}

		String message() {
			return "deadlock: " + path() + "; the first actor waits for the last call, which would wait for it";
		}

	}

	/**
	 * @param target the stateful actor a call needs the lock of
	 * @param call the call (carrying this chain)
	 * @return the cycle the call would close, or {@code null} when it may wait; a cycle whose first
	 * actor holds its lock but does not seem to wait (its wait may be one the chain cannot show) is
	 * handed to the target's watchdog, which decides later
	 */
	Cycle cycleTo(ActorCell target, Call call) {
		for (CallChain entry = this; entry != null; entry = entry.next) {
			Call holder = (entry.cell != null) ? entry.holder : target.holderWithId(entry.holderId);
			boolean names = (entry.cell != null) ? entry.cell == target
					: entry.uid.equals(target.uid()) && entry.address.equals(target.poolAddress());
			if (names && holder != null && target.holds(holder)) {
				Cycle cycle = new Cycle(steps(entry, target, call.method), holder);
				if (holder.isWaiting()) {
					return cycle;
				}
				target.watchdog.cycles().suspect(call, target, cycle);
			}
		}
		return null;
	}

	private List<DeadlockReport.Step> steps(CallChain last, ActorCell target, String method) {
		List<DeadlockReport.Step> steps = new ArrayList<>();
		for (CallChain entry = this; entry != last.next; entry = entry.next) {
			steps.add(0, entry.step());
		}
		steps.add(new DeadlockReport.Step(target.uid(), target.info().type().getSimpleName(), method,
				target.poolAddress()));
		return steps;
	}

	private DeadlockReport.Step step() {
		return new DeadlockReport.Step(this.uid, (this.cell != null) ? this.cell.info().type().getSimpleName() : null,
				this.method, this.address);
	}

}
