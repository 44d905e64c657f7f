package io.xoscar.internal.pool;

import io.xoscar.internal.call.CallOrigin;

/**
 * Who is calling from the current thread, for a call that goes to another process: the actor call
 * it runs (known while deadlock detection is on, see {@link Running}), else the thread itself.
 */
final class CallOrigins {

	private CallOrigins() {
	}

	/**
	 * @param nodeAddress the address of the node the call goes out from
	 * @return the origin of a call made now on this thread
	 */
	static CallOrigin current(String nodeAddress) {
		Call call = Running.current();
		if (call != null) {
			ActorCell cell = call.cell;
			return new CallOrigin(cell.uid(), cell.info().type().getSimpleName(), call.method, cell.poolAddress());
		}
		return CallOrigin.thread(Thread.currentThread().getName(), nodeAddress);
	}

}
