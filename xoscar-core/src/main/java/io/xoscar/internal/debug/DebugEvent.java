package io.xoscar.internal.debug;

import java.util.List;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;

/**
 * What a process pool's node tells its parent node it detected, so that the parent lists,
 * counts and publishes it as its own; and, between them, the parts of waits that span processes
 * (from the pool) and the call to fail when they close a cycle (from the parent).
 *
 * @param deadlock a deadlock, or {@code null}
 * @param alert a slow-call or backlog alert, or {@code null}
 * @param waits the pool's parts of waits across processes, or {@code null}
 * @param drop a call the pool is to fail because it closes a deadlock, or {@code null}
 */
public record DebugEvent(DeadlockReport deadlock, SlowCallAlert alert, Waits waits, Drop drop) {

	public static DebugEvent of(DeadlockReport deadlock) {
		return new DebugEvent(deadlock, null, null, null);
	}

	public static DebugEvent of(SlowCallAlert alert) {
		return new DebugEvent(null, alert, null, null);
	}

	public static DebugEvent of(Waits waits) {
		return new DebugEvent(null, null, waits, null);
	}

	public static DebugEvent of(Drop drop) {
		return new DebugEvent(null, null, null, drop);
	}

	/** @return the address of the pool that detected it (a report or an alert) */
	public String address() {
		return (this.deadlock != null) ? this.deadlock.address() : this.alert.address();
	}

	/** @return the same event, with the pool index the receiving node knows that pool by */
	public DebugEvent inPool(int index) {
		return (this.deadlock != null) ? of(this.deadlock.inPool(index)) : of(this.alert.inPool(index));
	}

	/**
	 * The parts of waits across processes a node sees now.
	 *
	 * @param node the node's address
	 * @param fragments its parts, empty when none
	 */
	public record Waits(String node, List<WaitFragment> fragments) {

		public Waits {
			fragments = List.copyOf(fragments);
		}

	}

	/**
	 * A call to fail with {@link io.xoscar.exception.DeadlockException}.
	 *
	 * @param call its id in the node told ({@link WaitFragment.Queued#id()})
	 * @param message what its caller is told
	 */
	public record Drop(long call, String message) {
	}

}
