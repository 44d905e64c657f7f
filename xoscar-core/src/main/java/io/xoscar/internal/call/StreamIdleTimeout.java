package io.xoscar.internal.call;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Supplier;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import io.xoscar.exception.CallTimeoutException;
import io.xoscar.internal.time.Time;
import io.xoscar.time.ActorClock;

/**
 * Fails a stream that sends no item for longer than its call timeout while its subscriber wants
 * items (a subscriber that wants none is not waiting, however long it takes), and cancels it. One
 * timer per stream and timeout period, not per item: when it fires it looks at when the last item
 * came, and sets itself again for the rest of the period.
 */
public final class StreamIdleTimeout implements CoreSubscriber<Object>, Subscription {

	private static final AtomicLongFieldUpdater<StreamIdleTimeout> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(StreamIdleTimeout.class, "requested");

	private static final AtomicIntegerFieldUpdater<StreamIdleTimeout> DONE = AtomicIntegerFieldUpdater
		.newUpdater(StreamIdleTimeout.class, "done");

	private final CoreSubscriber<? super Object> actual;

	private final Duration idle;

	private final Deadlines deadlines;

	private final Supplier<String> describe;

	private Subscription upstream;

	/** Items asked for so far (capped at {@code Long.MAX_VALUE}), and received so far. */
	private volatile long requested;

	private volatile long received;

	/** When an item came last, or items were first wanted while none were outstanding ({@link Time#millis()}). */
	private volatile long since;

	private volatile int done;

	private volatile ActorClock.Scheduled timer;

	private StreamIdleTimeout(CoreSubscriber<? super Object> actual, Duration idle, Deadlines deadlines,
			Supplier<String> describe) {
		this.actual = actual;
		this.idle = idle;
		this.deadlines = deadlines;
		this.describe = describe;
	}

	/**
	 * @param items the stream
	 * @param idle the longest wait for an item, or {@code null} for no bound
	 * @param deadlines the node's timers
	 * @param describe describes the call, for the failure
	 * @return the stream, bounded
	 */
	public static Flux<Object> bound(Flux<Object> items, Duration idle, Deadlines deadlines, Supplier<String> describe) {
		if (idle == null) {
			return items;
		}
		return Flux.from((subscriber) -> items
			.subscribe(new StreamIdleTimeout(Operators.toCoreSubscriber(subscriber), idle, deadlines, describe)));
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (Operators.validate(this.upstream, subscription)) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}
	}

	@Override
	public void onNext(Object item) {
		this.received++;
		this.since = now();
		this.actual.onNext(item);
	}

	@Override
	public void onError(Throwable error) {
		if (DONE.compareAndSet(this, 0, 1)) {
			stopTimer();
			this.actual.onError(error);
		}
	}

	@Override
	public void onComplete() {
		if (DONE.compareAndSet(this, 0, 1)) {
			stopTimer();
			this.actual.onComplete();
		}
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n)) {
			this.upstream.request(n);
			return;
		}
		long before = Operators.addCap(REQUESTED, this, n);
		if (before == this.received) {
			// items are wanted again after none were: the wait starts now
			this.since = now();
		}
		if (this.timer == null && this.done == 0) {
			arm(this.idle);
		}
		this.upstream.request(n);
	}

	@Override
	public void cancel() {
		DONE.set(this, 1);
		stopTimer();
		this.upstream.cancel();
	}

	private long now() {
		return this.deadlines.time().millis();
	}

	private synchronized void arm(Duration delay) {
		if (this.done != 0) {
			return;
		}
		try {
			this.timer = this.deadlines.later(delay, this::check);
		}
		catch (RejectedExecutionException ex) {
			// the node is closing: its streams end with it
		}
	}

	private synchronized void stopTimer() {
		ActorClock.Scheduled current = this.timer;
		if (current != null) {
			current.cancel();
		}
	}

	/** The timer fired: fails the stream if it waited a whole period for an item, else sets it again. */
	private void check() {
		if (this.done != 0) {
			return;
		}
		long waited = now() - this.since;
		boolean wanting = this.requested > this.received;
		if (!wanting || waited < this.idle.toMillis()) {
			arm(wanting ? this.idle.minusMillis(Math.max(0, waited)) : this.idle);
			return;
		}
		if (DONE.compareAndSet(this, 0, 1)) {
			this.upstream.cancel();
			this.actual.onError(new CallTimeoutException(this.describe.get() + " sent no item for " + this.idle
					+ " while items were wanted; the stream was cancelled"));
		}
	}

}
