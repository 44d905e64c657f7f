package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.call.Timeout;

/**
 * An actor of a process pool that recovery is restarting: its calls wait until the pool is back
 * (at most the node's restart wait), then go to the re-created actor; they fail with
 * {@link io.xoscar.exception.PoolDownException} if it does not come back in time or is given up.
 */
final class RestartingPoolTarget implements CallTarget {

	private final ProcessActorPool pool;

	private final String address;

	private final String uid;

	private final Class<?> actorClass;

	private final CallRouter router;

	private final Duration restartWait;

	RestartingPoolTarget(ProcessActorPool pool, String address, String uid, Class<?> actorClass, CallRouter router,
			Duration restartWait) {
		this.pool = pool;
		this.address = address;
		this.uid = uid;
		this.actorClass = actorClass;
		this.router = router;
		this.restartWait = restartWait;
	}

	@Override
	public boolean isValid() {
		return this.pool.state() == io.xoscar.ActorSystem.PoolState.RESTARTING;
	}

	@Override
	public Class<?> actorClass() {
		return this.actorClass;
	}

	@Override
	public String address() {
		return this.address;
	}

	private CompletableFuture<CallTarget> whenBack(String method) {
		return this.pool.whenBack(this.restartWait, describe(method))
			.thenApply((back) -> this.router.route(this.address, this.uid, this.actorClass));
	}

	private CallTarget awaitBack(String method) {
		this.pool.awaitBack(this.restartWait, describe(method));
		return this.router.route(this.address, this.uid, this.actorClass);
	}

	private String describe(String method) {
		return "call to '" + method + "' of actor '" + this.uid + "'";
	}

	@Override
	public CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		return whenBack(method).thenCompose((target) -> target.send(method, args, timeout, observed));
	}

	@Override
	public Object call(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		return awaitBack(method).call(method, args, timeout, observed);
	}

	@Override
	public Flux<Object> stream(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		return Mono.fromFuture(() -> whenBack(method), false)
			.flatMapMany((target) -> target.stream(method, args, timeout, observed));
	}

	@Override
	public CompletableFuture<Void> tell(String method, Object[] args, CallerObservation observed) {
		return whenBack(method).thenCompose((target) -> target.tell(method, args, observed));
	}

	@Override
	public CompletableFuture<List<Object>> batch(String method, List<Object[]> calls, boolean reply, Timeout timeout,
			CallerObservation observed) {
		return whenBack(method).thenCompose((target) -> target.batch(method, calls, reply, timeout, observed));
	}

}
