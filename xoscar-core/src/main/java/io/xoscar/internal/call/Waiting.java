package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.xoscar.exception.ActorCheckedException;
import io.xoscar.exception.CallTimeoutException;

/**
 * Blocking waits on call results, always bounded.
 */
public final class Waiting {

	private Waiting() {
	}

	/**
	 * Waits for a call's result and rethrows its failure as itself (checked exceptions wrapped in an
	 * {@link ActorCheckedException}). On timeout or interruption the call is cancelled.
	 * @param future the call's future
	 * @param timeout the longest wait
	 * @param call describes the call, for the timeout message
	 * @return the result
	 */
	public static Object await(CompletableFuture<?> future, Duration timeout, Supplier<String> call) {
		return await(future, timeout, call, () -> null);
	}

	/**
	 * @param future the call's future
	 * @param timeout the longest wait
	 * @param call describes the call, for the timeout message
	 * @param whereStuck says where the call is when it times out (asked before it is cancelled), or
	 * gives {@code null}
	 * @return the result
	 */
	public static Object await(CompletableFuture<?> future, Duration timeout, Supplier<String> call,
			Supplier<String> whereStuck) {
		try {
			return future.isDone() ? future.join() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (CompletionException | ExecutionException ex) {
			throw rethrowable(ex.getCause(), call);
		}
		catch (TimeoutException ex) {
			String where = whereStuck.get();
			future.cancel(true);
			throw timedOut(call.get(), timeout, where);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			CancellationException cancelled = new CancellationException("interrupted while waiting for " + call.get());
			cancelled.initCause(ex);
			throw cancelled;
		}
	}

	/**
	 * @param call describes the call
	 * @param timeout the bound it exceeded
	 * @param where where the call was stuck, or {@code null}
	 * @return the exception the caller gets
	 */
	public static CallTimeoutException timedOut(String call, Duration timeout, String where) {
		return new CallTimeoutException(call + " did not complete within " + timeout
				+ ((where != null) ? ": " + where + "; the call was cancelled" : ""));
	}

	private static RuntimeException rethrowable(Throwable error, Supplier<String> call) {
		if (error instanceof RuntimeException runtime) {
			return runtime;
		}
		if (error instanceof Error fatal) {
			throw fatal;
		}
		return new ActorCheckedException(call.get() + " threw " + error, error);
	}

}
