package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.xoscar.exception.CallTimeoutException;
import io.xoscar.internal.reflect.Invocable;

/**
 * How long one call may take: the timeout given for the call, else the one its method declares
 * ({@link io.xoscar.CallTimeout}), else the caller's default (which bounds blocking calls only).
 *
 * @param given the timeout given for this call, or {@code null}
 * @param fallback the caller's default
 */
public record Timeout(Duration given, Duration fallback) {

	/**
	 * @param method the method called, or {@code null} if unknown here
	 * @return the bound of a blocking call
	 */
	public Duration ofBlocking(Invocable method) {
		Duration bound = ofFuture(method);
		return (bound != null) ? bound : this.fallback;
	}

	/**
	 * @param method the method called, or {@code null} if unknown here
	 * @return the bound of a call's future (a given or declared timeout), or {@code null} for none
	 */
	public Duration ofFuture(Invocable method) {
		if (this.given != null) {
			return this.given;
		}
		return (method != null) ? method.limits().timeout() : null;
	}

	/**
	 * Fails the future with {@link CallTimeoutException} when it is not done within {@code bound},
	 * cancelling the call.
	 * @param call the call's future (bounded if it is an {@link AbortableFuture})
	 * @param bound the bound, or {@code null} for none
	 * @param describe describes the call
	 * @param whereStuck says where the call is when the time is up, or gives {@code null}
	 * @return the future
	 */
	public static CompletableFuture<Object> bound(CompletableFuture<Object> call, Duration bound, Supplier<String> describe,
			Supplier<String> whereStuck) {
		if (bound == null || call.isDone() || !(call instanceof AbortableFuture future)) {
			return call;
		}
		ScheduledFuture<?> timer = CallRouter.timer().schedule(() -> {
			if (!future.isDone()) {
				future.abort(Waiting.timedOut(describe.get(), bound, whereStuck.get()));
			}
		}, bound.toNanos(), TimeUnit.NANOSECONDS);
		future.whenComplete((value, error) -> timer.cancel(false));
		return future;
	}

}
