package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * Recovery gave a process pool up, its restart limits spent ({@code xoscar.recovery.max-restarts}
 * within {@code restart-window}): it stays down, calls to its actors fail at once, and
 * {@code getRecoveryEvent().reason()} says why it died last.
 */
public class PoolGaveUpEvent extends XoscarRecoveryEvent {

	/**
	 * @param system the node whose recovery it is
	 * @param event what happened
	 */
	public PoolGaveUpEvent(ActorSystem system, RecoveryEvent.PoolGaveUp event) {
		super(system, event);
	}

	@Override
	public RecoveryEvent.PoolGaveUp getRecoveryEvent() {
		return (RecoveryEvent.PoolGaveUp) super.getRecoveryEvent();
	}

}
