package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.xoscar.exception.DeadlockException;
import io.xoscar.internal.call.ChainLink;

/**
 * The stateful actors a call keeps waiting, innermost first: each entry is an actor whose call
 * (holding its lock) made the call below it. A call that needs the lock of an actor in its own chain,
 * while that actor's lock is still held by the entry's call and that call waits (in a blocking call
 * it made, a {@code join}, or for an asynchronous result), can never run: it fails at once with
 * {@link DeadlockException}. Tells carry no chain: nobody waits for them. Between processes the
 * chain travels with the request ({@link ChainLink}); the node holding an actor checks it.
 */
public final class CallChain {

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
	 * @return the chain a call made now on this thread sends to another process, {@code null} if none
	 */
	public static List<ChainLink> linksOfCurrentThread() {
		CallChain chain = ofCurrentThread();
		if (chain == null) {
			return null;
		}
		List<ChainLink> links = new ArrayList<>();
		for (CallChain entry = chain; entry != null; entry = entry.next) {
			links.add(new ChainLink(entry.address, entry.uid, entry.method,
					(entry.holder != null) ? entry.holder.chainId() : entry.holderId));
		}
		return links;
	}

	/**
	 * Runs a wait the current actor's call makes on a call it made: while it lasts, the actor waits
	 * (marked from before the call is sent, so that the callee can never miss it).
	 * @param wait sends the call and waits for it
	 * @return what the wait returns
	 */
	public static <T> T waiting(Supplier<T> wait) {
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

	/** @return the chain a call received from another process carries, {@code null} if none */
	static CallChain of(List<ChainLink> links) {
		CallChain chain = null;
		for (int i = links.size() - 1; i >= 0; i--) {
			ChainLink link = links.get(i);
			chain = new CallChain(null, link.address(), link.uid(), link.method(), null, link.holder(), chain);
		}
		return chain;
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
	 * @param target the stateful actor a call needs the lock of
	 * @param method the method called
	 * @return the failure to give that call, or {@code null} when it may wait
	 */
	DeadlockException cycleTo(ActorCell target, String method) {
		for (CallChain entry = this; entry != null; entry = entry.next) {
			Call holder = (entry.cell != null) ? entry.holder : target.holderWithId(entry.holderId);
			boolean names = (entry.cell != null) ? entry.cell == target
					: entry.uid.equals(target.uid()) && entry.address.equals(target.poolAddress());
			if (names && holder != null && target.holds(holder) && holder.isWaiting()) {
				return new DeadlockException("deadlock: " + describe(entry, target, method)
						+ "; the first actor waits for the last call, which would wait for it");
			}
		}
		return null;
	}

	private String describe(CallChain last, ActorCell target, String method) {
		List<String> steps = new ArrayList<>();
		for (CallChain entry = this; entry != last.next; entry = entry.next) {
			steps.add(0, entry.step());
		}
		steps.add(step(target.uid(), target.info().type().getSimpleName(), method, target.poolAddress()));
		return String.join(" -> ", steps);
	}

	private String step() {
		return (this.cell != null) ? step(this.uid, this.cell.info().type().getSimpleName(), this.method, this.address)
				: "'" + this.uid + "'." + this.method + " at " + this.address;
	}

	private static String step(String uid, String type, String method, String address) {
		return "'" + uid + "' (" + type + ")." + method + " at " + address;
	}

}
