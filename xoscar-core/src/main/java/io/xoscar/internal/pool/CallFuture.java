package io.xoscar.internal.pool;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.xoscar.internal.call.AbortableFuture;

/**
 * The future a caller gets from a send: cancelling it cancels the call. Futures derived from it
 * are plain {@link java.util.concurrent.CompletableFuture}s.
 */
final class CallFuture extends AbortableFuture {

	private final Call call;

	CallFuture(Call call) {
		this.call = call;
	}

	@Override
	protected void cancelWork() {
		this.call.cancel();
	}

	/** A call that waits here keeps its actor's callers from running: deadlock detection must know. */
	@Override
	public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		// a done future keeps nobody waiting: no need to know who asks
		Call waiter = isDone() ? null : Running.current();
		if (waiter == null) {
			return super.get(timeout, unit);
		}
		boolean outer = waiter.blocked;
		// what it waits on, for the wait-for check (a plain field: read by the watchdog, racy by design)
		waiter.outgoing = this.call;
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
		// a done future keeps nobody waiting: no need to know who asks
		Call waiter = isDone() ? null : Running.current();
		if (waiter == null) {
			return super.get();
		}
		boolean outer = waiter.blocked;
		// what it waits on, for the wait-for check (a plain field: read by the watchdog, racy by design)
		waiter.outgoing = this.call;
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
		// a done future keeps nobody waiting: no need to know who asks
		Call waiter = isDone() ? null : Running.current();
		if (waiter == null) {
			return super.join();
		}
		boolean outer = waiter.blocked;
		// what it waits on, for the wait-for check (a plain field: read by the watchdog, racy by design)
		waiter.outgoing = this.call;
		waiter.blocked = true;
		try {
			return super.join();
		}
		finally {
			waiter.blocked = outer;
		}
	}

}
