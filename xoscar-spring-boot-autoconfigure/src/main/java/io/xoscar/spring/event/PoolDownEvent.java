package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * A process pool's child JVM died without being asked to (exit code or signal in
 * {@code getRecoveryEvent().reason()}); {@code restarting()} says whether recovery starts it again.
 * Calls that were in flight in it have failed with {@link io.xoscar.exception.PoolDownException}.
 */
public class PoolDownEvent extends XoscarRecoveryEvent {

	/**
	 * @param system the node whose recovery it is
	 * @param event what happened
	 */
	public PoolDownEvent(ActorSystem system, RecoveryEvent.PoolDown event) {
		super(system, event);
	}

	@Override
	public RecoveryEvent.PoolDown getRecoveryEvent() {
		return (RecoveryEvent.PoolDown) super.getRecoveryEvent();
	}

}
