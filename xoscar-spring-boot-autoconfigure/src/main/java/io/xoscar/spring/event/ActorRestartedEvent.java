package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * An actor of this JVM was restarted by its supervision: a new instance with the same uid, class
 * and constructor arguments takes the calls queued behind the failed one;
 * {@code getRecoveryEvent().reason()} is the failure that caused it.
 */
public class ActorRestartedEvent extends XoscarRecoveryEvent {

	/**
	 * @param system the node whose recovery it is
	 * @param event what happened
	 */
	public ActorRestartedEvent(ActorSystem system, RecoveryEvent.ActorRestarted event) {
		super(system, event);
	}

	@Override
	public RecoveryEvent.ActorRestarted getRecoveryEvent() {
		return (RecoveryEvent.ActorRestarted) super.getRecoveryEvent();
	}

}
