package io.xoscar.internal.call;

import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.xoscar.internal.debug.ChainLink;

/**
 * What the calling node knows of the actor call running on the current thread, for a call it makes
 * now to another process: the chain the request carries, who makes it, and that the actor waits while
 * it does. The transport asks; the pools, which run the actor calls, answer.
 */
public interface OutgoingCalls {

	/** For a node whose threads never run actor calls: no chain, and the thread is the caller. */
	OutgoingCalls NONE = new OutgoingCalls() {

		@Override
		public List<ChainLink> chainOf(String address, String uid, String method) {
			return null;
		}

		@Override
		public void sent(Future<?> future) {
		}

		@Override
		public <T> T waiting(Supplier<T> wait) {
			return wait.get();
		}

		@Override
		public CallOrigin origin(String nodeAddress) {
			return CallOrigin.thread(Thread.currentThread().getName(), nodeAddress);
		}

	};

	/**
	 * A call to an actor of another process is made now on this thread: it is recorded as the last call
	 * of the actor call running here (if one does), for alerts.
	 * @return the chain the request carries, or {@code null} for none
	 */
	List<ChainLink> chainOf(String address, String uid, String method);

	/** The call made last from this thread was sent: what the actor call waits on when it waits for it. */
	void sent(Future<?> future);

	/**
	 * Runs a blocking wait on a call made from this thread: while it lasts, the actor call running here
	 * (if one does) waits, marked from before the call is sent so that the callee cannot miss it.
	 */
	<T> T waiting(Supplier<T> wait);

	/** @return who makes a call now on this thread: the actor call it runs, or the thread itself */
	CallOrigin origin(String nodeAddress);

}
