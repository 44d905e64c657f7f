package io.xoscar.benchmarks;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * Keeps at most {@code size} calls outstanding: {@link #acquire()} before issuing a call,
 * {@link #track} its future (the permit comes back when it completes), {@link #drain()} at the end
 * to wait for the rest. Failures are rethrown by {@link #drain()}.
 */
final class InFlightWindow {

	private static final Executor DIRECT = Runnable::run;

	private final int size;

	private final Semaphore permits;

	private volatile Throwable failure;

	private final BiConsumer<Object, Throwable> onDone;

	InFlightWindow(int size) {
		this.size = size;
		this.permits = new Semaphore(size);
		this.onDone = (value, error) -> {
			if (error != null) {
				this.failure = error;
			}
			this.permits.release();
		};
	}

	void acquire() {
		this.permits.acquireUninterruptibly();
	}

	/**
	 * Registers the completion callback with a direct executor, so that it runs on the thread that
	 * completes the call. (Plain {@code whenComplete} would do the same for xoscar's futures, but the
	 * stage Pekko's Java {@code AskPattern} returns, Scala's {@code FutureConvertersImpl.CF}, turns it
	 * into {@code whenCompleteAsync} on the common pool, which on 2 cores starts a thread per task.)
	 */
	void track(CompletionStage<?> call) {
		call.whenCompleteAsync(this.onDone, DIRECT);
	}

	/** Waits until every tracked call has completed. */
	void drain() {
		this.permits.acquireUninterruptibly(this.size);
		this.permits.release(this.size);
		Throwable error = this.failure;
		if (error != null) {
			this.failure = null;
			throw new IllegalStateException("a call in the window failed", error);
		}
	}

}
