package io.xoscar.internal.pool;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;

import io.xoscar.Idempotent;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.call.Timeout;

/**
 * An actor in one of this node's process pools, reached over the transport: valid while the
 * process it was resolved for takes calls, so that a handle resolves it again once that process is
 * gone (and waits for the next one, or learns why there is none). A call safe to repeat
 * ({@link Idempotent}, {@link io.xoscar.ActorMethod#idempotent()}) lost with a crashed process is
 * sent once more, to the re-created actor.
 */
final class ProcessPoolTarget implements CallTarget {

	private static final ClassValue<Set<String>> IDEMPOTENT = new ClassValue<>() {
		@Override
		protected Set<String> computeValue(Class<?> type) {
			Set<String> names = new HashSet<>();
			for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
				for (Method method : current.getDeclaredMethods()) {
					if (method.isAnnotationPresent(Idempotent.class)) {
						names.add(method.getName());
					}
				}
			}
			return Set.copyOf(names);
		}
	};

	private final CallTarget remote;

	private final ProcessActorPool pool;

	private final ProcessActorPool.Incarnation incarnation;

	private final String uid;

	private final CallRouter router;

	private final Duration restartWait;

	/** Its methods marked {@link Idempotent}. */
	private final Set<String> idempotent;

	ProcessPoolTarget(CallTarget remote, ProcessActorPool pool, ProcessActorPool.Incarnation incarnation, String uid,
			CallRouter router, Duration restartWait) {
		this.remote = remote;
		this.pool = pool;
		this.incarnation = incarnation;
		this.uid = uid;
		this.router = router;
		this.restartWait = restartWait;
		this.idempotent = (remote.actorClass() != null) ? IDEMPOTENT.get(remote.actorClass()) : Set.of();
	}

	@Override
	public boolean isValid() {
		return this.pool.live() == this.incarnation;
	}

	@Override
	public Class<?> actorClass() {
		return this.remote.actorClass();
	}

	@Override
	public String address() {
		return this.remote.address();
	}

	private boolean repeatable(String method, Timeout timeout) {
		return timeout.repeatable() || (!this.idempotent.isEmpty() && this.idempotent.contains(method));
	}

	@Override
	public CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		if (!repeatable(method, timeout)) {
			return this.remote.send(method, args, timeout, observed);
		}
		return this.remote.send(method, args, timeout, observed).exceptionallyCompose((error) -> {
			if (!lostInCrash(error)) {
				return CompletableFuture.failedFuture(error);
			}
			return deathHeard().thenCompose((heard) -> this.pool.whenBack(this.restartWait, describe(method)))
				.thenCompose((back) -> once(this.router.route(address(), this.uid, actorClass()), method, args, timeout,
						observed));
		});
	}

	/** Sends the call to the target of the new process, not repeated again. */
	private static CompletableFuture<Object> once(CallTarget target, String method, Object[] args, Timeout timeout,
			CallerObservation observed) {
		return (target instanceof ProcessPoolTarget process) ? process.remote.send(method, args, timeout, observed)
				: target.send(method, args, timeout, observed);
	}

	@Override
	public Object call(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		if (!repeatable(method, timeout)) {
			return this.remote.call(method, args, timeout, observed);
		}
		try {
			return this.remote.call(method, args, timeout, observed);
		}
		catch (PoolDownException ex) {
			if (!lostInCrash(ex)) {
				throw ex;
			}
			deathHeard().join();
			this.pool.awaitBack(this.restartWait, describe(method));
			CallTarget next = this.router.route(address(), this.uid, actorClass());
			return (next instanceof ProcessPoolTarget process) ? process.remote.call(method, args, timeout, observed)
					: next.call(method, args, timeout, observed);
		}
	}

	/**
	 * The call's process may be seen dead before its pool has heard of it (and still looks up, with
	 * that process): the call is sent again only once the pool is restarting or runs another.
	 */
	private CompletableFuture<Void> deathHeard() {
		return this.incarnation.child().isAlive() ? CompletableFuture.completedFuture(null)
				: this.incarnation.deathHandled().copy().completeOnTimeout(null, this.restartWait.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** @return whether the call was lost with the process it went to (then recovery may bring it back) */
	private boolean lostInCrash(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		return cause instanceof PoolDownException down
				&& (down.restarting() || !this.incarnation.child().isAlive());
	}

	private String describe(String method) {
		return "call to '" + method + "' of actor '" + this.uid + "'";
	}

	/** A stream is not sent again after a crash: its subscriber has seen some of its items. */
	@Override
	public Flux<Object> stream(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		return this.remote.stream(method, args, timeout, observed);
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
