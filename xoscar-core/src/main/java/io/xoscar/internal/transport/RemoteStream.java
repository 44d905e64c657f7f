package io.xoscar.internal.transport;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.netty.channel.Channel;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import tools.jackson.databind.JavaType;

/**
 * The caller's side of a stream from another process: the subscriber's demand goes to the
 * producer as credit ({@link Frame.Demand}), the items arriving ({@link Frame.Items}) go to the
 * subscriber, and its cancel to the producer ({@link Frame.Cancel}). Credit never exceeds what the
 * subscriber asked for and did not get yet, nor one window: nothing is buffered here, and a
 * subscriber asking for one item at a time keeps the producer one item ahead at most. For a
 * subscriber that wants many, credit is topped up once half a window arrived, so that items travel
 * in batches.
 * <p>
 * Everything but {@link #request} and {@link #cancel} runs on the connection's event loop, as do
 * the credit bookkeeping and the frames written.
 */
final class RemoteStream implements Subscription {

	/** Items the producer may send ahead of what arrived. */
	static final int WINDOW = 512;

	private static final AtomicLongFieldUpdater<RemoteStream> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(RemoteStream.class, "requested");

	private final long id;

	private final JavaType itemType;

	private final CoreSubscriber<? super Object> subscriber;

	private final String describe;

	private final Channel channel;

	private final Wire wire;

	/** Tells the producer that nobody wants its items any more. */
	private final Runnable onCancel;

	/** What the subscriber asked for so far (capped at {@code Long.MAX_VALUE}). */
	private volatile long requested;

	private volatile boolean cancelled;

	/** On the event loop: items delivered, and credit given. */
	private long delivered;

	private long granted;

	/** Whether the request is written, after which credit may follow. */
	private boolean started;

	private boolean done;

	RemoteStream(long id, JavaType itemType, CoreSubscriber<? super Object> subscriber, String describe, Channel channel,
			Wire wire, Runnable onCancel) {
		this.onCancel = onCancel;
		this.id = id;
		this.itemType = itemType;
		this.subscriber = subscriber;
		this.describe = describe;
		this.channel = channel;
		this.wire = wire;
	}

	long id() {
		return this.id;
	}

	JavaType itemType() {
		return this.itemType;
	}

	/** @return "call m of actor 'uid' at address", for messages */
	String describe() {
		return this.describe;
	}

	/** On the event loop, once the request is written: the credit asked for meanwhile follows it. */
	void started() {
		this.started = true;
		grant();
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n)) {
			return;
		}
		Operators.addCap(REQUESTED, this, n);
		if (this.channel.eventLoop().inEventLoop()) {
			grant();
		}
		else {
			this.channel.eventLoop().execute(this::grant);
		}
	}

	/** Gives the producer credit for what the subscriber wants, within one window. */
	private void grant() {
		if (!this.started || this.done || this.cancelled) {
			return;
		}
		long wanted = this.requested;
		long outstanding = this.granted - this.delivered;
		long unmet = (wanted == Long.MAX_VALUE) ? Long.MAX_VALUE : wanted - this.delivered;
		if (outstanding > WINDOW / 2 || unmet <= outstanding) {
			return;
		}
		long more = Math.min(WINDOW - outstanding, unmet - outstanding);
		this.granted += more;
		this.channel.writeAndFlush(this.wire.encode(this.channel.alloc(), new Frame.Demand(this.id, more)), this.channel.voidPromise());
	}

	/**
	 * Items arrived.
	 * @return {@code null}, or why the stream fails: the peer sent more than it was given credit for
	 */
	String items(List<?> items) {
		if (this.done || this.cancelled) {
			return null;
		}
		if (this.delivered + items.size() > this.granted) {
			return "the node sent " + (this.delivered + items.size()) + " items of " + this.describe + " but was asked for "
					+ this.granted;
		}
		for (Object item : items) {
			this.delivered++;
			this.subscriber.onNext(item);
			if (this.cancelled) {
				return null;
			}
		}
		grant();
		return null;
	}

	void complete() {
		if (!this.done && !this.cancelled) {
			this.done = true;
			this.subscriber.onComplete();
		}
	}

	void fail(Throwable error) {
		if (!this.done && !this.cancelled) {
			this.done = true;
			this.subscriber.onError(error);
		}
	}

	/** @return whether it ended, or its subscriber cancelled */
	boolean isOver() {
		return this.done || this.cancelled;
	}

	@Override
	public void cancel() {
		if (!this.cancelled) {
			this.cancelled = true;
			this.onCancel.run();
		}
	}

}
