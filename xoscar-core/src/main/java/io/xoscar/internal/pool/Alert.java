package io.xoscar.internal.pool;

import java.util.concurrent.atomic.AtomicBoolean;

import io.xoscar.debug.SlowCallAlert;

/**
 * An alert raised about a call, until it ends: either the call's own thread ends it (with the exact
 * duration) or the watchdog finds the call gone; whichever comes first.
 */
final class Alert {

	final SlowCallAlert raised;

	final Call call;

	private final AtomicBoolean ended = new AtomicBoolean();

	Alert(SlowCallAlert raised, Call call) {
		this.raised = raised;
		this.call = call;
	}

	/** @return whether this ends it (it was not ended yet) */
	boolean end() {
		return this.ended.compareAndSet(false, true);
	}

	boolean isEnded() {
		return this.ended.get();
	}

}
