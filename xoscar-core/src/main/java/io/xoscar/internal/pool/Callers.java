package io.xoscar.internal.pool;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.xoscar.internal.debug.ChainLink;

/**
 * Says who made a call, and which call an actor's call made last, for alerts. What calls record is
 * kept as it is (a {@link Call}, a {@link Thread}, a {@link ChainLink}) and described only when an
 * alert needs it.
 */
final class Callers {

	private Callers() {
	}

	/**
	 * A call made to an actor of another process, and the future its caller got.
	 *
	 * @param address the actor's pool address
	 * @param uid the actor's uid
	 * @param method the method
	 * @param startedAt when it was made ({@link io.xoscar.internal.time.Time#millis()})
	 */
	record RemoteCall(String address, String uid, String method, long startedAt, AtomicReference<Future<?>> sent) {

		RemoteCall(String address, String uid, String method, long startedAt) {
			this(address, uid, method, startedAt, new AtomicReference<>());
		}

		/** @return whether it has not been answered yet (or has not been sent yet) */
		boolean isPending() {
			Future<?> future = this.sent.get();
			return future == null || !future.isDone();
		}

		/** @return whether {@code future} is the one its caller got */
		boolean isAwaitedBy(Future<?> future) {
			return this.sent.get() == future;
		}

	}

	/**
	 * @param current the call running on the current thread, or {@code null}
	 * @return what a call made now records as its caller
	 */
	static Object of(Call current) {
		return (current != null) ? current : Thread.currentThread();
	}

	static String describe(Object caller) {
		if (caller instanceof Call call) {
			return step(call);
		}
		if (caller instanceof Thread thread) {
			return "thread " + thread.getName();
		}
		if (caller instanceof ChainLink link) {
			return "'" + link.uid() + "'." + link.method() + " at " + link.address();
		}
		return (caller != null) ? caller.toString() : "unknown";
	}

	/** @return "'uid' (Class).method at address" */
	static String step(Call call) {
		return "'" + call.cell.uid() + "' (" + call.cell.info().type().getSimpleName() + ")." + call.method + " at "
				+ call.cell.poolAddress();
	}

}
