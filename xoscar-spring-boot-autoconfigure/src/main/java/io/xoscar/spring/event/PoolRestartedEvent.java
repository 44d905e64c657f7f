package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * A process pool runs again at its address, with a new process ({@code getRecoveryEvent().pid()})
 * and its actors re-created; {@code took()} is the time from its death to being back. Handles and
 * {@code @ActorRef} proxies taken before keep working.
 */
public class PoolRestartedEvent extends XoscarRecoveryEvent {

	/**
	 * @param system the node whose recovery it is
	 * @param event what happened
	 */
	public PoolRestartedEvent(ActorSystem system, RecoveryEvent.PoolRestarted event) {
		super(system, event);
	}

	@Override
	public RecoveryEvent.PoolRestarted getRecoveryEvent() {
		return (RecoveryEvent.PoolRestarted) super.getRecoveryEvent();
	}

}
