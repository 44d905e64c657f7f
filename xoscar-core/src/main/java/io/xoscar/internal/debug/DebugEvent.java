package io.xoscar.internal.debug;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;

/**
 * What a process pool's node tells its parent node it detected, so that the parent lists,
 * counts and publishes it as its own.
 *
 * @param deadlock a deadlock, or {@code null}
 * @param alert a slow-call or backlog alert, or {@code null}
 */
public record DebugEvent(DeadlockReport deadlock, SlowCallAlert alert) {

	public static DebugEvent of(DeadlockReport deadlock) {
		return new DebugEvent(deadlock, null);
	}

	public static DebugEvent of(SlowCallAlert alert) {
		return new DebugEvent(null, alert);
	}

	/** @return the address of the pool that detected it */
	public String address() {
		return (this.deadlock != null) ? this.deadlock.address() : this.alert.address();
	}

	/** @return the same event, with the pool index the receiving node knows that pool by */
	public DebugEvent inPool(int index) {
		return (this.deadlock != null) ? of(this.deadlock.inPool(index)) : of(this.alert.inPool(index));
	}

}
