package io.xoscar.spring.autoconfigure;

import org.springframework.context.ApplicationContext;

import io.xoscar.ActorSystem;

/**
 * Registers a {@link DebugEventPublisher} on every {@link ActorSystem} bean of the context (see
 * {@link NodeListenerRegistrar}).
 */
final class DebugEventRegistrar extends NodeListenerRegistrar {

	@Override
	DebugEventGate gate(ApplicationContext context) {
		return new DebugEventGate(context, DebugEventGate.HELD_LIMIT);
	}

	@Override
	Runnable register(ActorSystem system, DebugEventGate gate) {
		return system.addDebugListener(new DebugEventPublisher(system, gate));
	}

}
