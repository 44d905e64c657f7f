package io.xoscar.internal.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.call.OutgoingCalls;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.call.PoolStatus;

/**
 * A node without actors, for transport tests: every call is answered with ActorNotFoundException,
 * once its frame has arrived. Counts the lookups, which every request that reaches the node makes.
 */
final class NoActors implements LocalNode {

	final AtomicInteger lookups = new AtomicInteger();

	@Override
	public CallTarget lookup(String address, String uid) {
		this.lookups.incrementAndGet();
		throw new ActorNotFoundException(address, uid);
	}

	@Override
	public boolean owns(String address) {
		return false;
	}

	@Override
	public <T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args) {
		return CompletableFuture.failedFuture(new UnsupportedOperationException());
	}

	@Override
	public CompletableFuture<Void> destroy(String address, String uid) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public boolean has(String address, String uid) {
		return false;
	}

	@Override
	public CompletableFuture<Void> kill(String address, String uid) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public List<ActorSystem.ActorInfo> localActors() {
		return List.of();
	}

	@Override
	public void received(DebugEvent event) {
	}

	@Override
	public OutgoingCalls outgoing() {
		return OutgoingCalls.NONE;
	}

	@Override
	public PoolStatus status() {
		return new PoolStatus(0, List.of(), 0);
	}

}
