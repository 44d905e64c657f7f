package io.xoscar.internal.call;

import java.time.Duration;

import io.xoscar.exception.PoolDownException;

/**
 * The one place that decides where a handle's calls go: to its own node's actors directly (no copy,
 * no serialization), to every other actor through the node's transport. It also holds what every
 * call of the node's handles needs: the default call timeout, the deadlines and the caller's
 * observations.
 */
public final class CallRouter {

	/**
	 * Of handles decoded where no node of this JVM owns their address: they reach no actor, and say so.
	 */
	public static final CallRouter DETACHED = new CallRouter(Duration.ofSeconds(60), null, null, null, null);

	private final Duration callTimeout;

	private final LocalNode local;

	private final RemoteTargets remote;

	private final ClientObservations observations;

	private final Deadlines deadlines;

	/**
	 * @param callTimeout the bound of blocking calls
	 * @param local the node whose actors are reached directly, or {@code null}
	 * @param remote how other actors are reached, or {@code null}
	 * @param observations observes the calls made through its handles, or {@code null}
	 * @param deadlines ends calls whose time is up, and makes delayed calls; {@code null} without a node
	 */
	public CallRouter(Duration callTimeout, LocalNode local, RemoteTargets remote, ClientObservations observations,
			Deadlines deadlines) {
		this.callTimeout = callTimeout;
		this.local = local;
		this.remote = remote;
		this.observations = observations;
		this.deadlines = deadlines;
	}

	public Duration callTimeout() {
		return this.callTimeout;
	}

	/** @return what observes the calls made through this router's handles, or {@code null} */
	ClientObservations observations() {
		return this.observations;
	}

	/**
	 * @return the deadlines of the node's calls
	 * @throws PoolDownException for a handle decoded outside any node
	 */
	public Deadlines deadlines() {
		if (this.deadlines == null) {
			throw detached(null);
		}
		return this.deadlines;
	}

	/**
	 * @param address the pool address
	 * @param uid the actor uid
	 * @param actorClass the actor class, or {@code null} when unknown
	 * @return where calls to the actor go
	 * @throws io.xoscar.exception.ActorNotFoundException if the pool is known and the actor is not in it
	 * @throws PoolDownException if no pool at the address can be reached
	 */
	public CallTarget route(String address, String uid, Class<?> actorClass) {
		if (this.local != null && this.local.owns(address)) {
			return this.local.lookup(address, uid);
		}
		if (this.remote == null) {
			throw detached(address);
		}
		return this.remote.target(address, uid, actorClass);
	}

	private static PoolDownException detached(String address) {
		return new PoolDownException("this handle was decoded where no actor system of this JVM has its address"
				+ ((address != null) ? " (" + address + ")" : "") + ", so it reaches no actor;"
				+ " take handles from an ActorSystem (handle, actorRef) instead");
	}

}
