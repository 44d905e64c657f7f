package io.xoscar.internal.pool;

import java.time.Duration;

import io.xoscar.ActorSystem.PoolState;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.transport.Transport;

/**
 * Where calls to an actor of one of this node's process pools go, by the pool's state: to its
 * process while one takes calls ({@link ProcessPoolTarget}), to a wait while recovery restarts it
 * ({@link RestartingPoolTarget}), nowhere (saying why) once it is down.
 */
final class ProcessPoolRoutes {

	private final Transport transport;

	private final CallRouter router;

	private final PoolEnds ends;

	private final boolean restarts;

	private final Duration restartWait;

	ProcessPoolRoutes(Transport transport, CallRouter router, PoolEnds ends, boolean restarts, Duration restartWait) {
		this.transport = transport;
		this.router = router;
		this.ends = ends;
		this.restarts = restarts;
		this.restartWait = restartWait;
	}

	/**
	 * @param pool the actor's pool
	 * @param address the address the call was made to (the pool's, or the node's main address)
	 * @param uid the actor uid
	 * @param actorClass the actor class, or {@code null} if unknown
	 * @return where its calls go now
	 * @throws PoolDownException if the pool is down
	 */
	CallTarget target(ProcessActorPool pool, String address, String uid, Class<?> actorClass) {
		ProcessActorPool.Incarnation live = pool.live();
		if (live != null) {
			return new ProcessPoolTarget(this.transport.target(pool.address(), uid, actorClass), pool, live, uid,
					this.router, this.restartWait);
		}
		PoolState state = pool.state();
		if (state == PoolState.RESTARTING) {
			return new RestartingPoolTarget(pool, address, uid, actorClass, this.router, this.restartWait);
		}
		String why = this.ends.pool(pool.address());
		if (why == null) {
			// its process died a moment ago: the exit is being taken care of
			why = PoolEnds.describe(pool) + " is down: its process (pid " + pool.pid() + ") is exiting";
			throw new PoolDownException(why + "; actor '" + uid + "' was in it", null,
					this.restarts && state == PoolState.UP);
		}
		throw new PoolDownException(why + "; actor '" + uid + "' was in it");
	}

}
