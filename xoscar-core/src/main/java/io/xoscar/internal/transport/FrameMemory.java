package io.xoscar.internal.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory a node holds for frames still arriving, over all its connections, and its limit. A
 * connection reserves what it holds for its incomplete frame (at the end of each read, and before
 * it allocates an attachment's array) and gives it back when the frame is complete or the
 * connection closes; a frame that would take more than the limit closes its connection. Frames that
 * arrive within one read never touch it.
 */
final class FrameMemory {

	private static final long DEFAULT_MAX = 256L * 1024 * 1024;

	private final long limit;

	private final AtomicLong held = new AtomicLong();

	/**
	 * @param limit the most bytes held at once, 0 for the default ({@link #defaultLimit()})
	 */
	FrameMemory(long limit) {
		this.limit = (limit > 0) ? limit : defaultLimit();
	}

	/** @return a quarter of this JVM's maximum heap, at most 256 MiB */
	static long defaultLimit() {
		return Math.min(DEFAULT_MAX, Runtime.getRuntime().maxMemory() / 4);
	}

	long limit() {
		return this.limit;
	}

	/** @return the bytes held now */
	long held() {
		return this.held.get();
	}

	/** @return whether the bytes fit under the limit (then they are held) */
	boolean reserve(long bytes) {
		long current;
		do {
			current = this.held.get();
			if (current + bytes > this.limit) {
				return false;
			}
		}
		while (!this.held.compareAndSet(current, current + bytes));
		return true;
	}

	void release(long bytes) {
		this.held.addAndGet(-bytes);
	}

}
