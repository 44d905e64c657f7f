package io.xoscar.internal.pool;

import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.OutgoingCalls;
import io.xoscar.internal.debug.ChainLink;

/**
 * The pools' answer to {@link OutgoingCalls}: the actor call running on a thread is the one
 * {@link Running} knows (while deadlock detection is on).
 */
enum ActorCallsOnThreads implements OutgoingCalls {

	INSTANCE;

	@Override
	public List<ChainLink> chainOf(String address, String uid, String method) {
		return CallChain.linksOfRemoteCall(address, uid, method);
	}

	@Override
	public void sent(Future<?> future) {
		CallChain.sentRemoteCall(future);
	}

	@Override
	public <T> T waiting(Supplier<T> wait) {
		return CallChain.waiting(wait);
	}

	@Override
	public CallOrigin origin(String nodeAddress) {
		return CallOrigins.current(nodeAddress);
	}

}
