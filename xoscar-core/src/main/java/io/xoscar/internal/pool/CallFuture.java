package io.xoscar.internal.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

	/** A call that waits here keeps its actor's callers from running: deadlock detection must know. */
	@Override
	public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		Call waiter = Running.current();
		if (waiter == null) {
			return super.get(timeout, unit);
		}
		boolean outer = waiter.blocked;
		waiter.blocked = true;
		try {
			return super.get(timeout, unit);
		}
		finally {
			waiter.blocked = outer;
		}
	}

	@Override
	public Object get() throws InterruptedException, ExecutionException {
		Call waiter = Running.current();
		if (waiter == null) {
			return super.get();
		}
		boolean outer = waiter.blocked;
		waiter.blocked = true;
		try {
			return super.get();
		}
		finally {
			waiter.blocked = outer;
		}
	}

	@Override
	public Object join() {
		Call waiter = Running.current();
		if (waiter == null) {
			return super.join();
		}
		boolean outer = waiter.blocked;
		waiter.blocked = true;
		try {
			return super.join();
		}
		finally {
			waiter.blocked = outer;
		}
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CompletableFuture<>();
	}

}
