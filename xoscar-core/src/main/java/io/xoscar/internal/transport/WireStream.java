package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;

import io.xoscar.exception.WireValueException;
import io.xoscar.internal.call.AbortableFuture;

/**
 * The producer's side of a stream to a caller in another process: subscribes to the actor's
 * stream, asks it for what the caller's credit ({@link Frame.Demand}) allows, and writes the items
 * on the caller's connection in batches ({@link Frame.Items}): items made while the connection's
 * event loop was busy go out together, up to {@value #MAX_ITEMS} items or about
 * {@value #MAX_BYTES} bytes a frame. Then an {@link Frame.End}, or an {@link Frame.Error}. As a
 * future of the connection's calls in flight, cancelling it (the caller's {@link Frame.Cancel}, or
 * its connection closing) disposes the producer.
 * <p>
 * The caller's credit bounds items, the connection bounds bytes: credit is passed to the producer
 * only while the connection is writable, in slices of about {@value #SLICE_BYTES} bytes (by the
 * size of the items written so far), so that a fast caller of large items does not pile them up in
 * this process's buffers when the network is slower.
 */
final class WireStream extends AbortableFuture implements CoreSubscriber<Object> {

	static final int MAX_ITEMS = 1024;

	static final int MAX_BYTES = 1 << 20;

	static final int SLICE_BYTES = 4 << 20;

	private static final Object COMPLETE = new Object();

	private static final AtomicIntegerFieldUpdater<WireStream> WIP = AtomicIntegerFieldUpdater
		.newUpdater(WireStream.class, "wip");

	private final long id;

	private final Channel channel;

	private final Wire wire;

	private final RequestHandler answers;

	/** "actor 'uid' (Class) method m at address", for messages. */
	private final String context;

	private final Operators.DeferredSubscription upstream = new Operators.DeferredSubscription();

	/** Items made and not yet written: one producer at a time, drained on the event loop. */
	private final Queue<Object> queue = Queues.unbounded(256).get();

	/** {@code null} while the producer runs, then {@link #COMPLETE} or its error. */
	private volatile Object terminal;

	private volatile int wip;

	/** On the event loop: whether the End or Error is written. */
	private boolean ended;

	/** On the event loop: credit not passed to the producer yet, held while the connection is not writable. */
	private long held;

	/** On the event loop: the estimated size of an item, from those written (one item is asked for first). */
	private long itemBytes = SLICE_BYTES;

	WireStream(long id, Channel channel, Wire wire, RequestHandler answers, String context) {
		this.id = id;
		this.channel = channel;
		this.wire = wire;
		this.answers = answers;
		this.context = context;
	}

	/** On the event loop: the caller wants that many more items. */
	void credit(long items) {
		this.held = Operators.addCap(this.held, items);
		release();
	}

	/** On the event loop: the connection can take more bytes, or no more. */
	void writabilityChanged() {
		release();
	}

	/** Passes held credit to the producer, a slice at a time, while the connection takes bytes. */
	private void release() {
		if (this.held == 0 || !this.channel.isWritable() || isDone()) {
			return;
		}
		long slice = Math.min(this.held, Math.max(1, SLICE_BYTES / Math.max(1, this.itemBytes)));
		this.held -= slice;
		this.upstream.request(slice);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.upstream.set(subscription);
	}

	@Override
	public void onNext(Object item) {
		this.queue.offer(item);
		drainLater();
	}

	@Override
	public void onError(Throwable error) {
		this.terminal = error;
		drainLater();
	}

	@Override
	public void onComplete() {
		this.terminal = COMPLETE;
		drainLater();
	}

	@Override
	protected void cancelWork() {
		this.upstream.cancel();
		drainLater();
	}

	private void drainLater() {
		if (WIP.getAndIncrement(this) == 0) {
			this.channel.eventLoop().execute(this::drain);
		}
	}

	/** On the event loop: writes what is queued, in frames of many items, then the end once all is out. */
	private void drain() {
		int missed = 1;
		do {
			try {
				drainOnce();
			}
			catch (RuntimeException | LinkageError ex) {
				// whatever went wrong ends this stream, not the drain: the next signals still find it
				this.upstream.cancel();
				this.queue.clear();
				if (!this.ended) {
					end(new IllegalStateException("the stream of " + this.context + " failed while it was written: " + ex,
							ex));
					this.channel.flush();
				}
			}
			missed = WIP.addAndGet(this, -missed);
		}
		while (missed != 0);
	}

	private void drainOnce() {
		if (isCancelled() || this.ended) {
			this.queue.clear();
			return;
		}
		boolean written = writeQueued();
		Object end = this.terminal;
		if (written && end != null && this.queue.isEmpty()) {
			end(end);
		}
		this.channel.flush();
		release();
	}

	/** @return whether all went out (else the stream failed: an item did not encode) */
	private boolean writeQueued() {
		while (!this.queue.isEmpty()) {
			// not sized by queue.size(): it may be off by one (even -1) while the producer adds
			List<Object> batch = new ArrayList<>();
			long bytes = 0;
			Object item;
			while (batch.size() < MAX_ITEMS && bytes < MAX_BYTES && (item = this.queue.poll()) != null) {
				batch.add(item);
				bytes += sizeOf(item);
			}
			this.itemBytes = Math.max(1, bytes / Math.max(1, batch.size()));
			ByteBuf frame;
			try {
				frame = this.wire.encode(this.channel, Frame.Items.of(this.id, batch.toArray()));
			}
			catch (RuntimeException | StackOverflowError ex) {
				this.upstream.cancel();
				this.queue.clear();
				end(new WireValueException("an item of the stream of " + this.context + " cannot be encoded: "
						+ WireReasons.typeOf(batch.size() == 1 ? batch.get(0) : batch) + ": " + WireReasons.of(ex), ex));
				return false;
			}
			this.channel.write(frame, this.channel.voidPromise());
		}
		return true;
	}

	private static long sizeOf(Object item) {
		if (item instanceof byte[] bytes) {
			return bytes.length;
		}
		if (item instanceof String text) {
			return text.length();
		}
		return 16;
	}

	private void end(Object end) {
		this.ended = true;
		if (end == COMPLETE) {
			this.channel.write(this.wire.encode(this.channel.alloc(), new Frame.End(this.id)), this.channel.voidPromise());
		}
		else {
			this.answers.answer(this.channel, new Frame.Error(this.id, RemoteErrors.describe((Throwable) end, this.context)),
					this.context);
		}
		complete(null);
	}

}
