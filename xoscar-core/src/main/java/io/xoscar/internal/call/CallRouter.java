package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.xoscar.exception.PoolDownException;

/**
 * Resolves handles to call targets and holds what every call needs: the call timeout and a timer
 * for delayed tells. Actors in this JVM are reached directly; a transport for other processes and
 * hosts plugs in here.
 */
public final class CallRouter {

	private static final ScheduledExecutorService TIMER = createTimer();

	/** Used by handles that were deserialized outside any node. */
	public static final CallRouter DEFAULT = new CallRouter(Duration.ofSeconds(60));

	private final Duration callTimeout;

	public CallRouter(Duration callTimeout) {
		this.callTimeout = callTimeout;
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

	public ScheduledExecutorService timer() {
		return TIMER;
	}

	/**
	 * @param address the pool address
	 * @param uid the actor uid
	 * @return where calls to the actor go
	 * @throws io.xoscar.exception.ActorNotFoundException if the pool is known and the actor is not in it
	 * @throws PoolDownException if no pool at the address can be reached
	 */
	public CallTarget route(String address, String uid) {
		LocalNode node = LocalNodes.find(address);
		if (node == null) {
			throw new PoolDownException("no actor pool at " + address
					+ " in this JVM, and no transport to other processes is configured");
		}
		return node.lookup(address, uid);
	}

}
