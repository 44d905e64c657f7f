package io.xoscar.internal.pool;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.call.Timeout;

/**
 * An actor in one of this node's process pools, reached over the transport: valid while its pool
 * runs, so that a handle resolves it again once the pool is gone and learns why (from
 * {@link PoolEnds}), instead of trying to connect to a process that is no more.
 */
final class ProcessPoolTarget implements CallTarget {

	private final CallTarget remote;

	private final ProcessActorPool pool;

	ProcessPoolTarget(CallTarget remote, ProcessActorPool pool) {
		this.remote = remote;
		this.pool = pool;
	}

	@Override
	public boolean isValid() {
		return this.pool.isUp();
	}

	@Override
	public Class<?> actorClass() {
		return this.remote.actorClass();
	}

	@Override
	public String address() {
		return this.remote.address();
	}

	@Override
	public CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		return this.remote.send(method, args, timeout, observed);
	}

	@Override
	public Object call(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		return this.remote.call(method, args, timeout, observed);
	}

	@Override
	public CompletableFuture<Void> tell(String method, Object[] args, CallerObservation observed) {
		return this.remote.tell(method, args, observed);
	}

	@Override
	public CompletableFuture<List<Object>> batch(String method, List<Object[]> calls, boolean reply, Timeout timeout,
			CallerObservation observed) {
		return this.remote.batch(method, calls, reply, timeout, observed);
	}

}
