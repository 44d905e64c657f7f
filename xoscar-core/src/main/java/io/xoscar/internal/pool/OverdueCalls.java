package io.xoscar.internal.pool;

import java.time.Duration;

import io.xoscar.internal.call.Deadlines;

/**
 * The watchdog's deadlines: calls bounded by the node's call timeout (those given no timeout of their
 * own, which {@link Deadlines} bounds itself) whose time is up fail, and are cancelled.
 */
final class OverdueCalls {

	private final Duration callTimeout;

	OverdueCalls(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	/** @return whether the call's future was failed: the node's timeout, which bounds it, has passed */
	boolean timeOut(ActorCell cell, Call call, long now) {
		if (!call.boundByNode || !Deadlines.isOverdue(call.queuedAt, this.callTimeout, now) || call.reply().isDone()) {
			return false;
		}
		cell.timeOut(call, this.callTimeout);
		return true;
	}

}
