package io.xoscar.internal.pool;

import io.xoscar.internal.call.ChainLink;

/**
 * Says who made a call, and which call an actor's call made last, for alerts. What calls record is
 * kept as it is (a {@link Call}, a {@link Thread}, a {@link ChainLink}) and described only when an
 * alert needs it.
 */
final class Callers {

	private Callers() {
	}

	/**
	 * A call made to an actor of another process.
	 *
	 * @param address the actor's pool address
	 * @param uid the actor's uid
	 * @param method the method
	 * @param startedAt when it was made ({@link CoarseClock})
	 */
	record RemoteCall(String address, String uid, String method, long startedAt) {
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
