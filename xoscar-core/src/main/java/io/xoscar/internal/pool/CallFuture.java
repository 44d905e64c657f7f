package io.xoscar.internal.pool;

import java.util.concurrent.CompletableFuture;

/**
 * The future a caller gets from a send: cancelling it cancels the call. Futures derived from it
 * are plain {@link CompletableFuture}s.
 */
final class CallFuture extends CompletableFuture<Object> {

	private final Call call;

	CallFuture(Call call) {
		this.call = call;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		if (cancelled) {
			this.call.cancel();
		}
		return cancelled;
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CompletableFuture<>();
	}

}
