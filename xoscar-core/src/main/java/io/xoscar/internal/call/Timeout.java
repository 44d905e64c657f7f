package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.util.HashedWheelTimer;

import io.xoscar.exception.CallTimeoutException;
import io.xoscar.internal.reflect.Invocable;

/**
 * How long one call may take, in every call style: the timeout given for the call, else the one its
 * method declares ({@link io.xoscar.CallTimeout}), else the caller's default.
 *
 * @param given the timeout given for this call, or {@code null}
 * @param fallback the caller's default, or {@code null} for none
 */
public record Timeout(Duration given, Duration fallback) {

	/** For a call relayed on behalf of another caller, who bounds it: no default of its own. */
	public static final Timeout RELAYED = new Timeout(null, null);

	/**
	 * Expiries of call futures (a call to another process, or with a timeout chosen for it or its
	 * method; in this JVM the node's watchdog ends the others): a hashed wheel schedules and cancels
	 * one without a lock, where a scheduled executor's queue is one lock for all callers, at the price
	 * of firing up to a tick late.
	 */
	private static final HashedWheelTimer WHEEL = new HashedWheelTimer(daemon("xoscar-timeouts"), 10,
			TimeUnit.MILLISECONDS, 512, false);

	/**
	 * @param method the method called, or {@code null} if unknown here
	 * @return the bound of the call, or {@code null} for none
	 */
	public Duration of(Invocable method) {
		Duration chosen = chosenFor(method);
		return (chosen != null) ? chosen : this.fallback;
	}

	/**
	 * @param method the method called, or {@code null} if unknown here
	 * @return the timeout given for the call, else the one its method declares, else {@code null}
	 */
	public Duration chosenFor(Invocable method) {
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
		io.netty.util.Timeout expiry = WHEEL.newTimeout((ignored) -> {
			if (!future.isDone()) {
				future.abort(Waiting.timedOut(describe.get(), bound, whereStuck.get()));
			}
		}, bound.toNanos(), TimeUnit.NANOSECONDS);
		future.whenComplete((value, error) -> expiry.cancel());
		return future;
	}

	private static ThreadFactory daemon(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
