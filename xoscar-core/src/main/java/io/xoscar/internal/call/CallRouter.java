package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.xoscar.exception.PoolDownException;

/**
 * Resolves handles to call targets and holds what every call needs: the call timeout and a timer
 * for delayed tells. Actors in this JVM are reached directly (no copy, no serialization); others
 * through the node's transport.
 */
public final class CallRouter {

	private static final ScheduledExecutorService TIMER = createTimer();

	/** Used by handles that were deserialized outside any node: they reach actors of this JVM only. */
	public static final CallRouter DEFAULT = new CallRouter(Duration.ofSeconds(60), null, null);

	private final Duration callTimeout;

	private final RemoteTargets remote;

	private final ClientObservations observations;

	/**
	 * @param callTimeout the bound of blocking calls
	 * @param remote how actors outside this JVM are reached, or {@code null}
	 * @param observations observes the calls made through its handles, or {@code null}
	 */
	public CallRouter(Duration callTimeout, RemoteTargets remote, ClientObservations observations) {
		this.callTimeout = callTimeout;
		this.remote = remote;
		this.observations = observations;
	}

	private static ScheduledExecutorService createTimer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "xoscar-timer");
			thread.setDaemon(true);
			return thread;
		});
		timer.setRemoveOnCancelPolicy(true);
		return Executors.unconfigurableScheduledExecutorService(timer);
	}

	public Duration callTimeout() {
		return this.callTimeout;
	}

	/** @return what observes the calls made through this router's handles, or {@code null} */
	ClientObservations observations() {
		return this.observations;
	}

	/** @return the JVM's timer of delayed tells and call timeouts */
	public static ScheduledExecutorService timer() {
		return TIMER;
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
		LocalNode node = LocalNodes.find(address);
		if (node != null) {
			return node.lookup(address, uid);
		}
		if (this.remote == null) {
			throw new PoolDownException("no actor pool at " + address + " in this JVM, and this handle has no transport");
		}
		return this.remote.target(address, uid, actorClass);
	}

}
