package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * A process pool is about to be restarted at its address: attempt
 * {@code getRecoveryEvent().attempt()} of the restart window, after a backoff of
 * {@code delay()}. Calls made meanwhile wait for it (up to {@code xoscar.recovery.restart-wait}).
 */
public class PoolRestartingEvent extends XoscarRecoveryEvent {

	/**
	 * @param system the node whose recovery it is
	 * @param event what happened
	 */
	public PoolRestartingEvent(ActorSystem system, RecoveryEvent.PoolRestarting event) {
		super(system, event);
	}

	@Override
	public RecoveryEvent.PoolRestarting getRecoveryEvent() {
		return (RecoveryEvent.PoolRestarting) super.getRecoveryEvent();
	}

}
