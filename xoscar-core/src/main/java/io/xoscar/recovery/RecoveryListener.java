package io.xoscar.recovery;

/**
 * Hears what recovery does ({@link RecoveryEvent}), on a thread of the node's own: a listener that
 * is slow delays the events after it, not recovery; one that throws is logged and keeps hearing.
 */
@FunctionalInterface
public interface RecoveryListener {

	/**
	 * @param event what happened
	 */
	void onRecoveryEvent(RecoveryEvent event);

}
