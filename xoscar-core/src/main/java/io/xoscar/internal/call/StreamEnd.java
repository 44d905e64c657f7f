package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * The end of a stream an actor's call subscribed to in another process, as that call's last call
 * sees it: completes when the stream ends, and tells whether the stream owes its subscriber items
 * it asked for (then an actor call parked meanwhile waits for them, for deadlock detection).
 */
public final class StreamEnd extends CompletableFuture<Object> {

	private static final AtomicLongFieldUpdater<StreamEnd> WANTED = AtomicLongFieldUpdater.newUpdater(StreamEnd.class,
			"wanted");

	private volatile long wanted;

	private volatile long received;

	/** @return the stream, followed */
	public Flux<Object> follow(Flux<Object> items) {
		return items.doOnRequest((n) -> {
			if (n > 0) {
				Operators.addCap(WANTED, this, n);
			}
		}).doOnNext((item) -> this.received++).doFinally((signal) -> complete(null));
	}

	/** @return whether the subscriber asked for items it did not get, and the stream is open */
	public boolean owesItems() {
		return !isDone() && this.wanted > this.received;
	}

}
