package io.xoscar.debug;

/**
 * Hears about the problems the node detects. Listeners are called one at a time, on the node's
 * debug thread (never on an actor's thread), in the order the problems were found; a listener that
 * throws is logged and keeps being called. Register one with
 * {@link io.xoscar.config.ActorSystemConfig.Builder#debugListener(DebugListener)} or
 * {@link io.xoscar.ActorSystem#addDebugListener(DebugListener)}. A node also hears about what its
 * process pools detect.
 */
public interface DebugListener {

	/**
	 * A deadlock was detected.
	 * @param report what was found
	 */
	default void onDeadlock(DeadlockReport report) {
	}

	/**
	 * A call crossed its slow-call threshold, or waited in a mailbox past the backlog threshold, and
	 * is still running or waiting.
	 * @param alert the alert, without a duration yet
	 */
	default void onSlowCall(SlowCallAlert alert) {
	}

	/**
	 * A call an alert was raised for has ended (for a backlog: has started).
	 * @param alert the alert with its duration
	 */
	default void onSlowCallEnded(SlowCallAlert alert) {
	}

}
