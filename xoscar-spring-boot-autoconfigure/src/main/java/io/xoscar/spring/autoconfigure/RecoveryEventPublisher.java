package io.xoscar.spring.autoconfigure;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;
import io.xoscar.recovery.RecoveryListener;
import io.xoscar.spring.event.ActorGaveUpEvent;
import io.xoscar.spring.event.ActorRestartedEvent;
import io.xoscar.spring.event.PoolDownEvent;
import io.xoscar.spring.event.PoolGaveUpEvent;
import io.xoscar.spring.event.PoolRestartedEvent;
import io.xoscar.spring.event.PoolRestartingEvent;
import io.xoscar.spring.event.XoscarRecoveryEvent;

/**
 * Turns what one node's recovery does into application events whose source is that node, and
 * passes them through the context's {@link DebugEventGate} (which logs a listener that throws and
 * goes on).
 */
final class RecoveryEventPublisher implements RecoveryListener {

	private final ActorSystem system;

	private final DebugEventGate gate;

	RecoveryEventPublisher(ActorSystem system, DebugEventGate gate) {
		this.system = system;
		this.gate = gate;
	}

	@Override
	public void onRecoveryEvent(RecoveryEvent event) {
		this.gate.publish(applicationEvent(this.system, event));
	}

	static XoscarRecoveryEvent applicationEvent(ActorSystem system, RecoveryEvent event) {
		if (event instanceof RecoveryEvent.PoolDown down) {
			return new PoolDownEvent(system, down);
		}
		if (event instanceof RecoveryEvent.PoolRestarting restarting) {
			return new PoolRestartingEvent(system, restarting);
		}
		if (event instanceof RecoveryEvent.PoolRestarted restarted) {
			return new PoolRestartedEvent(system, restarted);
		}
		if (event instanceof RecoveryEvent.PoolGaveUp gaveUp) {
			return new PoolGaveUpEvent(system, gaveUp);
		}
		if (event instanceof RecoveryEvent.ActorRestarted restarted) {
			return new ActorRestartedEvent(system, restarted);
		}
		return new ActorGaveUpEvent(system, (RecoveryEvent.ActorGaveUp) event);
	}

	@Override
	public String toString() {
		return "RecoveryEventPublisher[" + this.system.address() + "]";
	}

}
