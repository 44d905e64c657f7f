package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.xoscar.AbstractActor;
import io.xoscar.ActorHandle;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.DefaultActorHandle;
import io.xoscar.internal.call.LocalActor;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.transport.Transport;

/**
 * What an actor system does to an actor at any address (resolve, destroy, has, kill): this node's
 * own actors directly (those of its process pools through their pool), others through the transport.
 */
final class ActorOperations {

	private final LocalNode node;

	private final String address;

	private final Pools pools;

	private final ActorDirectory directory;

	private final Transport transport;

	private final CallRouter router;

	private final Duration restartWait;

	ActorOperations(LocalNode node, String address, Pools pools, ActorDirectory directory, Transport transport,
			CallRouter router, Duration restartWait) {
		this.restartWait = restartWait;
		this.node = node;
		this.address = address;
		this.pools = pools;
		this.directory = directory;
		this.transport = transport;
		this.router = router;
	}

	/**
	 * @return a handle carrying the actor's own pool address
	 */
	<T> CompletableFuture<ActorHandle<T>> resolve(String address, String uid, Class<T> type) {
		ProcessPoolActors.Placed placed = this.directory.placed(address, uid, this.address);
		if (placed != null) {
			return CompletableFuture.completedFuture(handle(placed.pool().address(), uid, typeOr(type, placed.type())));
		}
		if (this.node.owns(address)) {
			try {
				if (this.node.lookup(address, uid) instanceof LocalActor actor) {
					return CompletableFuture
						.completedFuture(handle(actor.poolAddress(), uid, typeOr(type, actor.actorClass())));
				}
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		return this.transport.resolve(address, uid)
			.thenApply((found) -> handle(found.get(0), uid, typeOr(type, loadActorClass(found.get(1)))));
	}

	CompletableFuture<Void> destroy(String address, String uid) {
		return isLocal(address) ? this.node.destroy(address, uid) : this.transport.destroy(address, uid);
	}

	CompletableFuture<Boolean> has(String address, String uid) {
		if (!isLocal(address)) {
			return this.transport.has(address, uid);
		}
		ProcessPoolActors.Placed remote = this.directory.placed(address, uid, this.address);
		if (remote == null) {
			return CompletableFuture.completedFuture(this.node.has(address, uid));
		}
		// while its pool restarts, the actor is being made again: the answer waits for it
		return remote.pool()
			.whenBack(this.restartWait, "hasActor of actor '" + uid + "'")
			.thenCompose((back) -> this.transport.has(remote.pool().address(), uid));
	}

	CompletableFuture<Void> kill(String address, String uid) {
		return isLocal(address) ? this.node.kill(address, uid) : this.transport.kill(address, uid);
	}

	/** @return whether the address is this node's or one of its process pools' */
	private boolean isLocal(String address) {
		return this.pools.byAddress(address) != null || this.node.owns(address);
	}

	private <T> ActorHandle<T> handle(String poolAddress, String uid, Class<T> type) {
		return new DefaultActorHandle<>(poolAddress, uid, type, this.router);
	}

	@SuppressWarnings("unchecked")
	private static <T> Class<T> typeOr(Class<T> wanted, Class<?> actual) {
		return (wanted != null) ? wanted : (Class<T>) actual;
	}

	private static Class<?> loadActorClass(String name) {
		try {
			Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
			return AbstractActor.class.isAssignableFrom(type) ? type : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
