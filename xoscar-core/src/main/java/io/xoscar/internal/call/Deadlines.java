package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.xoscar.internal.time.Time;
import io.xoscar.time.ActorClock;

/**
 * The one owner of when calls end for lack of time, on every path: a call whose caller holds a
 * future ({@link #bound}), a caller blocked on a result ({@link #await}), a call the node's scan
 * bounds ({@link #isOverdue}), and delayed calls ({@link #later}). How long a call may take is the
 * {@link Timeout}'s business; when that time has come is the node's {@link Time}'s.
 */
public final class Deadlines {

	private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

	private final Time time;

	public Deadlines(Time time) {
		this.time = time;
	}

	public Time time() {
		return this.time;
	}

	/**
	 * Fails the future with {@link io.xoscar.exception.CallTimeoutException} when it is not done
	 * within {@code bound}, cancelling the call.
	 * @param call the call's future (bounded if it is an {@link AbortableFuture})
	 * @param bound the bound, or {@code null} for none
	 * @param describe describes the call
	 * @param whereStuck says where the call is when the time is up, or gives {@code null}
	 * @return the future
	 */
	public CompletableFuture<Object> bound(CompletableFuture<Object> call, Duration bound, Supplier<String> describe,
			Supplier<String> whereStuck) {
		if (bound == null || call.isDone() || !(call instanceof AbortableFuture future)) {
			return call;
		}
		ActorClock.Scheduled expiry;
		try {
			expiry = this.time.expire(bound.toNanos(), () -> {
				if (!future.isDone()) {
					future.abort(Waiting.timedOut(describe.get(), bound, whereStuck.get()));
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the node is closed: its transport and pools end the call
			return future;
		}
		future.whenComplete((value, error) -> expiry.cancel());
		return future;
	}

	/**
	 * Waits for a call's result, at most {@code timeout}, and rethrows its failure as itself (see
	 * {@link Waiting#await}). On timeout or interruption the call is cancelled.
	 * @param future the call's future
	 * @param timeout the longest wait
	 * @param call describes the call, for the timeout message
	 * @param whereStuck says where the call is when it times out, or gives {@code null}
	 * @return the result
	 */
	public Object await(CompletableFuture<Object> future, Duration timeout, Supplier<String> call,
			Supplier<String> whereStuck) {
		if (this.time.isReal() || future.isDone() || !(future instanceof AbortableFuture)) {
			return Waiting.await(future, timeout, call, whereStuck);
		}
		// driven time: the deadline fires when the clock reaches it, not while this thread waits
		return Waiting.await(bound(future, timeout, call, whereStuck), FOREVER, call, whereStuck);
	}

	/**
	 * @param sinceMillis when the call's time started ({@link Time#millis()})
	 * @param bound how long it may take
	 * @param nowMillis the time now ({@link Time#millis()})
	 * @return whether its time is up
	 */
	public static boolean isOverdue(long sinceMillis, Duration bound, long nowMillis) {
		return nowMillis - sinceMillis >= bound.toMillis();
	}

	/**
	 * Runs a short task after a delay, on time.
	 * @param delay the delay
	 * @param task the task
	 * @return a way to cancel it
	 * @throws RejectedExecutionException if the node is closed
	 */
	public ActorClock.Scheduled later(Duration delay, Runnable task) {
		return this.time.schedule(delay.toNanos(), task);
	}

}
