package io.xoscar.spring.autoconfigure;

import org.springframework.context.ApplicationContext;

import io.xoscar.ActorSystem;

/**
 * Registers a {@link RecoveryEventPublisher} on every {@link ActorSystem} bean of the context (see
 * {@link NodeListenerRegistrar}).
 */
final class RecoveryEventRegistrar extends NodeListenerRegistrar {

	@Override
	DebugEventGate gate(ApplicationContext context) {
		return new DebugEventGate(context, DebugEventGate.HELD_LIMIT, "recovery",
				"ActorSystem.pools() tells each pool's state, restarts and last failure");
	}

	@Override
	Runnable register(ActorSystem system, DebugEventGate gate) {
		return system.addRecoveryListener(new RecoveryEventPublisher(system, gate));
	}

}
