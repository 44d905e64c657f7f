package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;

import io.xoscar.ActorHandle;
import io.xoscar.CreateOptions;

/**
 * A node (actor system), as its own call path and transport see it.
 */
public interface LocalNode {

	/**
	 * @param address the address of one of this node's pools (the main address finds every pool's actors)
	 * @param uid the actor uid
	 * @return the actor: a {@link LocalActor} when it lives in this JVM, else a target that reaches
	 * it (an actor the node placed in one of its process pools)
	 * @throws io.xoscar.exception.ActorNotFoundException if it does not live there
	 */
	CallTarget lookup(String address, String uid);

	/**
	 * @param address a pool address
	 * @return whether it is the address of one of this node's pools (its main address included)
	 */
	boolean owns(String address);

	<T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args);

	CompletableFuture<Void> destroy(String address, String uid);

	boolean has(String address, String uid);

	CompletableFuture<Void> kill(String address, String uid);

	/** @return what the node knows of the actor call running on the current thread, for calls it makes */
	OutgoingCalls outgoing();

	/** @return what a process pool's node tells its parent: mailbox depths and call counts */
	PoolStatus status();

	/** @return the actors of this node's pools in this JVM */
	java.util.List<io.xoscar.ActorSystem.ActorInfo> localActors();

	/**
	 * One of this node's process pools detected a deadlock or raised an alert.
	 * @param event what it detected
	 */
	void received(io.xoscar.internal.debug.DebugEvent event);

	/**
	 * The connection to a peer node was lost with calls in flight: says why, if this node knows
	 * (the peer is one of its process pools, whose process died).
	 * @param peer the peer node's address
	 * @param lost what the calls fail with when nothing more is known
	 * @return completes (soon) with what the calls in flight fail with
	 */
	default CompletableFuture<io.xoscar.exception.PoolDownException> lostConnection(String peer,
			io.xoscar.exception.PoolDownException lost) {
		return CompletableFuture.completedFuture(lost);
	}

}
