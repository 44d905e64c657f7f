package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.debug.SlowCallAlert;

/**
 * The call a {@link SlowCallEvent} was published for has ended (for a backlog alert: has started
 * running). Its alert is the one raised, with its {@link SlowCallAlert#duration() duration}.
 */
public class SlowCallEndedEvent extends XoscarDebugEvent {

	private final SlowCallAlert alert;

	/**
	 * @param system the node that raised the alert
	 * @param alert the alert, with its duration
	 */
	public SlowCallEndedEvent(ActorSystem system, SlowCallAlert alert) {
		super(system);
		this.alert = alert;
	}

	/**
	 * @return the alert, with how long the call ran (or waited in the mailbox) in all
	 */
	public SlowCallAlert getAlert() {
		return this.alert;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.alert.kind() + " " + this.alert.actor() + " after "
				+ this.alert.duration().toMillis() + " ms]";
	}

}
