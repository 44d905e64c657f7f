package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a call in flight: cancelling it, or failing it with {@link #abort}, cancels the
 * call itself (drops it from the mailbox, interrupts it, or tells the remote pool to).
 */
public abstract class AbortableFuture extends CompletableFuture<Object> {

	/** Cancels the work behind this future. */
	protected abstract void cancelWork();

	/**
	 * Fails the future with {@code reason} and cancels the call, unless it is already complete.
	 * @param reason why, such as a timeout
	 * @return whether this failed the future
	 */
	public boolean abort(Throwable reason) {
		if (completeExceptionally(reason)) {
			cancelWork();
			return true;
		}
		return false;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		if (cancelled) {
			cancelWork();
		}
		return cancelled;
	}

	/** Watches the call's result briefly before blocking ({@link BriefSpin}). */
	@Override
	public Object join() {
		BriefSpin.awaitBriefly(this);
		return super.join();
	}

	@Override
	public Object get() throws InterruptedException, ExecutionException {
		BriefSpin.awaitBriefly(this);
		return super.get();
	}

	@Override
	public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		BriefSpin.awaitBriefly(this);
		return super.get(timeout, unit);
	}

	/** Futures derived from this one are plain: cancelling them does not reach the call. */
	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CompletableFuture<>();
	}

}
