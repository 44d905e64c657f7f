package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * An actor's restart limits are spent: it was removed, and calls to it fail saying why
 * ({@code getRecoveryEvent().reason()} is its last failure).
 */
public class ActorGaveUpEvent extends XoscarRecoveryEvent {

	/**
	 * @param system the node whose recovery it is
	 * @param event what happened
	 */
	public ActorGaveUpEvent(ActorSystem system, RecoveryEvent.ActorGaveUp event) {
		super(system, event);
	}

	@Override
	public RecoveryEvent.ActorGaveUp getRecoveryEvent() {
		return (RecoveryEvent.ActorGaveUp) super.getRecoveryEvent();
	}

}
