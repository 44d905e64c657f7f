package io.xoscar.internal.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;

import io.xoscar.ActorMethod;
import io.xoscar.DelayedCall;

/**
 * The {@link ActorMethod} implementation: each call resolves the handle's target (cached) and hands
 * the call to it.
 */
final class DefaultActorMethod implements ActorMethod {

	private static final Object[] NULL_ARGUMENT = { null };

	private final DefaultActorHandle<?> handle;

	private final String name;

	/** The timeout given for calls made through this method, or {@code null}. */
	private final Duration timeout;

	DefaultActorMethod(DefaultActorHandle<?> handle, String name) {
		this(handle, name, null);
	}

	private DefaultActorMethod(DefaultActorHandle<?> handle, String name, Duration timeout) {
		this.handle = handle;
		this.name = name;
		this.timeout = timeout;
	}

	@Override
	public ActorMethod withTimeout(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("a call timeout must be positive, was " + timeout);
		}
		return new DefaultActorMethod(this.handle, this.name, timeout);
	}

	@Override
	public String name() {
		return this.name;
	}

	/** {@code send(null)} passes one null argument, not a null argument array. */
	private static Object[] arguments(Object[] args) {
		return (args != null) ? args : NULL_ARGUMENT.clone();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<R> send(Object... args) {
		try {
			return (CompletableFuture<R>) this.handle.target().send(this.name, arguments(args), this.timeout);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> R call(Object... args) {
		return (R) this.handle.target()
			.call(this.name, arguments(args), new Timeout(this.timeout, this.handle.router().callTimeout()));
	}

	@Override
	public <R> Mono<R> mono(Object... args) {
		return Mono.fromFuture(() -> send(args), false);
	}

	@Override
	public CompletableFuture<Void> tell(Object... args) {
		try {
			return this.handle.target().tell(this.name, arguments(args));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public CompletableFuture<Void> tellDelay(Duration delay, Object... args) {
		Object[] arguments = arguments(args);
		CompletableFuture<Void> handedOver = new CompletableFuture<>();
		ScheduledFuture<?> scheduled = CallRouter.timer().schedule(() -> {
			if (!handedOver.isDone()) {
				tell(arguments).whenComplete((ignored, error) -> {
					if (error != null) {
						handedOver.completeExceptionally(error);
					}
					else {
						handedOver.complete(null);
					}
				});
			}
		}, delay.toNanos(), TimeUnit.NANOSECONDS);
		handedOver.whenComplete((ignored, error) -> {
			if (handedOver.isCancelled()) {
				scheduled.cancel(false);
			}
		});
		return handedOver;
	}

	@Override
	public DelayedCall delay(Object... args) {
		return new DelayedCall(this.handle, this.name, arguments(args));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<List<R>> batch(List<DelayedCall> calls) {
		try {
			return (CompletableFuture<List<R>>) (CompletableFuture<?>) this.handle.target()
				.batch(this.name, argumentsOf(calls), true);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public CompletableFuture<Void> tellBatch(List<DelayedCall> calls) {
		try {
			return this.handle.target().batch(this.name, argumentsOf(calls), false).thenApply((ignored) -> null);
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
		return this.handle + "." + this.name + ((this.timeout != null) ? " (timeout " + this.timeout + ")" : "");
	}

}
