package io.xoscar.internal.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.xoscar.ActorMethod;
import io.xoscar.DelayedCall;
import io.xoscar.exception.PoolDownException;
import io.xoscar.observation.ActorCallKind;
import io.xoscar.time.ActorClock;

/**
 * The {@link ActorMethod} implementation: each call resolves the handle's target (cached) and hands
 * the call to it. When the handle's node observes calls, each call is observed from here: its
 * observation is in scope while the call is handed over and stops when the call ends.
 */
final class DefaultActorMethod implements ActorMethod {

	private static final Object[] NULL_ARGUMENT = { null };

	private final DefaultActorHandle<?> handle;

	private final String name;

	/**
	 * The bound of each call: the timeout given for calls made through this method, else the method's
	 * own or the caller's default.
	 */
	private final Timeout bound;

	/** Observes the calls, or {@code null} when the handle's node does not. */
	private final ClientObservations observations;

	DefaultActorMethod(DefaultActorHandle<?> handle, String name) {
		this(handle, name, (Duration) null);
	}

	private DefaultActorMethod(DefaultActorHandle<?> handle, String name, Duration timeout) {
		this(handle, name, new Timeout(timeout, handle.router().callTimeout(), false));
	}

	private DefaultActorMethod(DefaultActorHandle<?> handle, String name, Timeout bound) {
		this.handle = handle;
		this.name = name;
		this.bound = bound;
		this.observations = handle.router().observations();
	}

	@Override
	public ActorMethod withTimeout(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("a call timeout must be positive, was " + timeout);
		}
		return new DefaultActorMethod(this.handle, this.name,
				new Timeout(timeout, this.bound.fallback(), this.bound.repeatable()));
	}

	@Override
	public ActorMethod idempotent() {
		return new DefaultActorMethod(this.handle, this.name, this.bound.asRepeatable());
	}

	@Override
	public String name() {
		return this.name;
	}

	/** {@code send(null)} passes one null argument, not a null argument array. */
	private static Object[] arguments(Object[] args) {
		return (args != null) ? args : NULL_ARGUMENT.clone();
	}

	/*
	 * Each call method below starts with the unobserved path written out, as it was before calls
	 * were observed: a null check more, and no more frames for the JIT to inline.
	 */

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<R> send(Object... args) {
		if (this.observations != null) {
			return sendObserved(args);
		}
		try {
			return (CompletableFuture<R>) this.handle.target().send(this.name, arguments(args), this.bound, null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private <R> CompletableFuture<R> sendObserved(Object[] args) {
		CallerObservation observed = this.observations.start(ActorCallKind.SEND, this.handle, this.name, null);
		CompletableFuture<R> result;
		try (Observation.Scope scope = openScope(observed)) {
			result = sendTo(args, observed);
		}
		return (observed != null) ? ClientObservations.stopWhenDone(observed, result) : result;
	}

	@SuppressWarnings("unchecked")
	private <R> CompletableFuture<R> sendTo(Object[] args, CallerObservation observed) {
		try {
			return (CompletableFuture<R>) this.handle.target().send(this.name, arguments(args), this.bound, observed);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> R call(Object... args) {
		return (this.observations == null) ? callTarget(args, null) : callObserved(args);
	}

	private <R> R callObserved(Object[] args) {
		CallerObservation observed = this.observations.start(ActorCallKind.CALL, this.handle, this.name, null);
		if (observed == null) {
			return callTarget(args, null);
		}
		Throwable error = null;
		try (Observation.Scope scope = observed.observation().openScope()) {
			return callTarget(args, observed);
		}
		catch (RuntimeException | Error ex) {
			error = ex;
			throw ex;
		}
		finally {
			ClientObservations.stop(observed, error);
		}
	}

	@SuppressWarnings("unchecked")
	private <R> R callTarget(Object[] args, CallerObservation observed) {
		return (R) this.handle.target().call(this.name, arguments(args), this.bound, observed);
	}

	/** @return the observation's scope on this thread, or {@code null} (nothing to close) without one */
	private static Observation.Scope openScope(CallerObservation observed) {
		return (observed != null) ? observed.observation().openScope() : null;
	}

	@Override
	public <R> Mono<R> mono(Object... args) {
		return Mono.fromFuture(() -> send(args), false);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> Flux<T> stream(Object... args) {
		Object[] arguments = arguments(args);
		return (Flux<T>) Flux.defer(() -> {
			CallerObservation observed = (this.observations != null)
					? this.observations.start(ActorCallKind.STREAM, this.handle, this.name, null) : null;
			Flux<Object> items;
			try (Observation.Scope scope = openScope(observed)) {
				items = this.handle.target().stream(this.name, arguments, this.bound, observed);
			}
			catch (RuntimeException ex) {
				items = Flux.error(ex);
			}
			if (observed == null) {
				return items;
			}
			return items.doOnError((error) -> ClientObservations.stop(observed, error))
				.doOnComplete(() -> ClientObservations.stop(observed, null))
				.doOnCancel(() -> ClientObservations.stop(observed, null));
		});
	}

	@Override
	public CompletableFuture<Void> tell(Object... args) {
		if (this.observations != null) {
			return tellObserved(args, null);
		}
		try {
			return this.handle.target().tell(this.name, arguments(args), null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * @param parent the parent of the call's observation, or {@code null} for the current one
	 */
	private CompletableFuture<Void> tellObserved(Object[] args, ObservationView parent) {
		CallerObservation observed = this.observations.start(ActorCallKind.TELL, this.handle, this.name, parent);
		CompletableFuture<Void> handedOver;
		try (Observation.Scope scope = openScope(observed)) {
			handedOver = tellTo(args, observed);
		}
		return (observed != null) ? ClientObservations.stopWhenDone(observed, handedOver) : handedOver;
	}

	private CompletableFuture<Void> tellTo(Object[] args, CallerObservation observed) {
		try {
			return this.handle.target().tell(this.name, arguments(args), observed);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public CompletableFuture<Void> tellDelay(Duration delay, Object... args) {
		Object[] arguments = arguments(args);
		// the call is made on the timer thread: its observation continues the trace of the thread asking for it
		ObservationView parent = (this.observations != null) ? this.observations.current() : null;
		CompletableFuture<Void> handedOver = new CompletableFuture<>();
		ActorClock.Scheduled scheduled;
		try {
			scheduled = this.handle.router().deadlines().later(delay, () -> {
				if (!handedOver.isDone()) {
					CompletableFuture<Void> told = (parent != null) ? tellObserved(arguments, parent) : tell(arguments);
					told.whenComplete((ignored, error) -> {
						if (error != null) {
							handedOver.completeExceptionally(error);
						}
						else {
							handedOver.complete(null);
						}
					});
				}
			});
		}
		catch (RuntimeException ex) {
			// a handle outside any node, or a node that is closed
			return CompletableFuture.failedFuture((ex instanceof RejectedExecutionException)
					? new PoolDownException("the actor system is shut down: delayed call " + this.name + " of actor '"
							+ this.handle.uid() + "' at " + this.handle.address() + " was refused")
					: ex);
		}
		handedOver.whenComplete((ignored, error) -> {
			if (handedOver.isCancelled()) {
				scheduled.cancel();
			}
		});
		return handedOver;
	}

	@Override
	public DelayedCall delay(Object... args) {
		return new DelayedCall(this.handle, this.name, arguments(args));
	}

	@Override
	public <R> CompletableFuture<List<R>> batch(List<DelayedCall> calls) {
		return batch(calls, true);
	}

	@Override
	public CompletableFuture<Void> tellBatch(List<DelayedCall> calls) {
		return batch(calls, false).thenApply((ignored) -> null);
	}

	private <R> CompletableFuture<List<R>> batch(List<DelayedCall> calls, boolean reply) {
		if (this.observations == null) {
			return batchTo(calls, reply, null);
		}
		CallerObservation observed = this.observations.start(reply ? ActorCallKind.BATCH : ActorCallKind.TELL_BATCH,
				this.handle, this.name, null);
		CompletableFuture<List<R>> results;
		try (Observation.Scope scope = openScope(observed)) {
			results = batchTo(calls, reply, observed);
		}
		return (observed != null) ? ClientObservations.stopWhenDone(observed, results) : results;
	}

	@SuppressWarnings("unchecked")
	private <R> CompletableFuture<List<R>> batchTo(List<DelayedCall> calls, boolean reply, CallerObservation observed) {
		try {
			return (CompletableFuture<List<R>>) (CompletableFuture<?>) this.handle.target()
				.batch(this.name, argumentsOf(calls), reply, this.bound, observed);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private List<Object[]> argumentsOf(List<DelayedCall> calls) {
		List<Object[]> arguments = new ArrayList<>(calls.size());
		for (DelayedCall call : calls) {
			if (!call.method().equals(this.name)) {
				throw new IllegalArgumentException("a batch of " + this.name + " cannot hold a call of " + call.method()
						+ ": all calls of a batch must be of one method");
			}
			if (!call.target().equals(this.handle)) {
				throw new IllegalArgumentException("a batch to " + this.handle + " cannot hold a call to " + call.target());
			}
			arguments.add(call.args());
		}
		return arguments;
	}

	@Override
	public String toString() {
		return this.handle + "." + this.name + ((this.bound.given() != null) ? " (timeout " + this.bound.given() + ")" : "");
	}

}
