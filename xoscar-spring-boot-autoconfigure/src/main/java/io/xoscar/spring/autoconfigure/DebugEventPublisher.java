package io.xoscar.spring.autoconfigure;

import io.xoscar.ActorSystem;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.spring.event.DeadlockDetectedEvent;
import io.xoscar.spring.event.SlowCallEndedEvent;
import io.xoscar.spring.event.SlowCallEvent;

/**
 * Turns what one node detects into application events whose source is that node, and passes them
 * through the context's {@link DebugEventGate}.
 */
final class DebugEventPublisher implements DebugListener {

	private final ActorSystem system;

	private final DebugEventGate gate;

	DebugEventPublisher(ActorSystem system, DebugEventGate gate) {
		this.system = system;
		this.gate = gate;
	}

	@Override
	public void onDeadlock(DeadlockReport report) {
		this.gate.publish(new DeadlockDetectedEvent(this.system, report));
	}

	@Override
	public void onSlowCall(SlowCallAlert alert) {
		this.gate.publish(new SlowCallEvent(this.system, alert));
	}

	@Override
	public void onSlowCallEnded(SlowCallAlert alert) {
		this.gate.publish(new SlowCallEndedEvent(this.system, alert));
	}

	@Override
	public String toString() {
		return "DebugEventPublisher[" + this.system.address() + "]";
	}

}
