package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.xoscar.exception.CallTimeoutException;

/**
 * Blocking waits on call results, always bounded.
 */
public final class Waiting {

	private Waiting() {
	}

	/**
	 * Waits for a call's result and rethrows its failure as itself (checked exceptions wrapped in a
	 * {@link CompletionException}). On timeout or interruption the call is cancelled.
	 * @param future the call's future
	 * @param timeout the longest wait
	 * @param call describes the call, for the timeout message
	 * @return the result
	 */
	public static Object await(CompletableFuture<?> future, Duration timeout, Supplier<String> call) {
		try {
			return future.isDone() ? future.join() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (CompletionException | ExecutionException ex) {
			throw rethrowable(ex.getCause());
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new CallTimeoutException(call.get() + " did not complete within " + timeout);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			CancellationException cancelled = new CancellationException("interrupted while waiting for " + call.get());
			cancelled.initCause(ex);
			throw cancelled;
		}
	}

	private static RuntimeException rethrowable(Throwable error) {
		if (error instanceof RuntimeException runtime) {
			return runtime;
		}
		if (error instanceof Error fatal) {
			throw fatal;
		}
		return new CompletionException(error);
	}

}
