package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.debug.SlowCallAlert;

/**
 * A call crossed its slow-call threshold ({@link SlowCallAlert.Kind#SLOW_CALL}), or waited in an
 * actor's mailbox past the backlog threshold ({@link SlowCallAlert.Kind#BACKLOG}), and is still
 * running or waiting. A {@link SlowCallEndedEvent} with the same alert {@link SlowCallAlert#id() id}
 * and {@link SlowCallAlert#address() address} follows when it ends (for a backlog: when it starts).
 */
public class SlowCallEvent extends XoscarDebugEvent {

	private final SlowCallAlert alert;

	/**
	 * @param system the node that raised the alert
	 * @param alert the alert, without a duration
	 */
	public SlowCallEvent(ActorSystem system, SlowCallAlert alert) {
		super(system);
		this.alert = alert;
	}

	/**
	 * @return the alert: the actor, method, caller, how long it had run or waited, and the stack of
	 * the thread it is stuck on
	 */
	public SlowCallAlert getAlert() {
		return this.alert;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.alert.kind() + " " + this.alert.actor() + "]";
	}

}
