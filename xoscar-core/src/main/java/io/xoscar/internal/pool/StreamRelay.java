package io.xoscar.internal.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import io.xoscar.exception.PoolDownException;

/**
 * Relays the stream an actor method returned to the subscriber that made the call: the
 * subscriber's demand to the producer, the producer's items to the subscriber, and the
 * subscriber's cancel to the producer (or to the call, while it is queued). The call lasts until
 * the stream ends ({@link #start} returns that end as the call's asynchronous result), so a
 * stateful actor stays locked as long as its stream runs. The stream's end reaches the subscriber
 * through the call's reply: with the exception the call fails with, as for any call.
 * <p>
 * Demand asked for on a thread that is not one of the actor's pool (a transport's, a caller's)
 * is served on the pool: a synchronous producer makes its items in {@code request}.
 */
final class StreamRelay extends Operators.DeferredSubscription implements CoreSubscriber<Object> {

	private final CoreSubscriber<? super Object> downstream;

	private final ThreadActorPool pool;

	/** Completes (normally) when the producer completed or the subscriber cancelled; fails with the producer's error. */
	private final CompletableFuture<Object> ended = new CompletableFuture<>();

	private volatile Call call;

	/** Whether the subscriber got its last signal, or cancelled. */
	private volatile boolean done;

	private volatile long items;

	/** Items the subscriber asked for so far (capped at {@code Long.MAX_VALUE}). */
	private volatile long wanted;

	private static final AtomicLongFieldUpdater<StreamRelay> WANTED = AtomicLongFieldUpdater
		.newUpdater(StreamRelay.class, "wanted");

	StreamRelay(CoreSubscriber<? super Object> downstream, ThreadActorPool pool) {
		this.downstream = downstream;
		this.pool = pool;
	}

	/** The call that runs the method: its end is the stream's end for the subscriber. */
	void made(Call call) {
		this.call = call;
		this.pool.streamOpened(1);
		call.reply().handle((value, error) -> {
			callEnded(error);
			return null;
		});
	}

	/** @return items sent to the subscriber so far */
	long items() {
		return this.items;
	}

	/**
	 * Subscribes to what the method returned, on the actor's thread, within its call.
	 * @return what the call awaits: the stream's end
	 */
	CompletableFuture<Object> start(Flux<Object> producer) {
		producer.subscribe(this);
		return this.ended;
	}

	@Override
	public Context currentContext() {
		return this.downstream.currentContext();
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		set(subscription);
	}

	@Override
	public void onNext(Object item) {
		if (!this.done) {
			this.items++;
			this.call.countItem();
			this.downstream.onNext(item);
		}
	}

	@Override
	public void onError(Throwable error) {
		this.ended.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		this.ended.complete(null);
	}

	/** The call is over: the stream ended, the method threw, or the call failed without running. */
	private void callEnded(Throwable error) {
		this.pool.streamOpened(-1);
		if (this.done) {
			return;
		}
		this.done = true;
		if (error == null) {
			this.downstream.onComplete();
			return;
		}
		// the call may end before the stream does (a node shutting down aborts it): the producer stops
		super.cancel();
		this.downstream.onError(Async.unwrap(error));
	}

	/** @return whether the subscriber asked for items it did not get yet (and the stream is open) */
	boolean owesItems() {
		return !this.done && this.wanted > this.items;
	}

	@Override
	public void request(long n) {
		if (n > 0) {
			Operators.addCap(WANTED, this, n);
		}
		if (Thread.currentThread() instanceof ThreadActorPool.Worker || isCancelled()) {
			demand(n);
			return;
		}
		try {
			this.pool.execute(() -> demand(n));
		}
		catch (RejectedExecutionException ex) {
			cancel();
			this.downstream.onError(new PoolDownException(
					"the pool at " + this.pool.address() + " is shutting down: the stream was cancelled", ex));
		}
	}

	/** Asks the producer for more, as the stream's call (calls a synchronous producer makes belong to it). */
	private void demand(long n) {
		Call streaming = this.call;
		Running.Slot slot = (streaming != null && streaming.cell.detectsDeadlocks) ? Running.slot() : null;
		Call outer = (slot != null) ? slot.call : null;
		if (slot != null) {
			slot.call = streaming;
		}
		try {
			super.request(n);
		}
		finally {
			if (slot != null) {
				slot.call = outer;
			}
		}
	}

	@Override
	public void cancel() {
		this.done = true;
		super.cancel();
		// the call ends as it would have had the stream completed
		this.ended.complete(null);
		Call current = this.call;
		if (current != null) {
			// a call still queued is dropped, one still running its method is interrupted
			current.reply().cancel(true);
		}
	}

}
