package io.xoscar.internal.transport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to a peer node being opened: the requests made meanwhile wait here and go out in the
 * order they were made once it is open (or fail, in that order, if it cannot be). A plain future's
 * dependents would run in reverse order, and calls from one thread to one actor must keep theirs.
 */
final class Connecting extends CompletableFuture<PeerConnection> {

	private final Deque<Runnable> waiting = new ArrayDeque<>();

	/** Whether every request that waited has gone: later ones go straight to the connection. */
	private volatile boolean drained;

	/** @return whether requests may use the connection directly: it is open and none waits before them */
	boolean isReady() {
		return this.drained && !isCompletedExceptionally();
	}

	/**
	 * Runs a request once the connection is open (or could not be), after those made before it.
	 * @param request what to do then; it reads the outcome from this future
	 */
	void then(Runnable request) {
		synchronized (this.waiting) {
			if (!this.drained) {
				this.waiting.add(request);
				return;
			}
		}
		request.run();
	}

	@Override
	public boolean complete(PeerConnection connection) {
		boolean completed = super.complete(connection);
		drain();
		return completed;
	}

	@Override
	public boolean completeExceptionally(Throwable error) {
		boolean completed = super.completeExceptionally(error);
		drain();
		return completed;
	}

	private void drain() {
		while (true) {
			Runnable next;
			synchronized (this.waiting) {
				next = this.waiting.poll();
				if (next == null) {
					this.drained = true;
					return;
				}
			}
			next.run();
		}
	}

}
