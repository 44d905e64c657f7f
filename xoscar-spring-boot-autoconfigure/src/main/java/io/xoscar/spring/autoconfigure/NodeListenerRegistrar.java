package io.xoscar.spring.autoconfigure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;

import io.xoscar.ActorSystem;

/**
 * Adds a listener that publishes application events to every {@link ActorSystem} bean of the
 * context (the auto-configured one or the application's own) as soon as the bean is initialized, so
 * that nothing the node reports from then on is missed, and removes it before the bean is
 * destroyed. Opens the context's {@link DebugEventGate} when the context is refreshed and closes it
 * when the context closes, so that events reach the context only from its refresh to its close.
 */
abstract class NodeListenerRegistrar implements DestructionAwareBeanPostProcessor, ApplicationContextAware,
		ApplicationListener<ApplicationContextEvent> {

	private final Map<ActorSystem, Runnable> registrations = Collections.synchronizedMap(new IdentityHashMap<>());

	private ApplicationContext context;

	private DebugEventGate gate;

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
		this.gate = gate(context);
	}

	/**
	 * @param context the context
	 * @return the gate the events pass through
	 */
	abstract DebugEventGate gate(ApplicationContext context);

	/**
	 * @param system a node
	 * @param gate the context's gate
	 * @return removes the listener added to the node when run
	 */
	abstract Runnable register(ActorSystem system, DebugEventGate gate);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ActorSystem system && !this.registrations.containsKey(system)) {
			this.registrations.put(system, register(system, this.gate));
		}
		return bean;
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean instanceof ActorSystem;
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		Runnable removal = this.registrations.remove(bean);
		if (removal != null) {
			removal.run();
		}
	}

	@Override
	public void onApplicationEvent(ApplicationContextEvent event) {
		// a child context's events reach its parent's listeners too
		if (event.getApplicationContext() != this.context) {
			return;
		}
		if (event instanceof ContextRefreshedEvent) {
			this.gate.open();
		}
		else if (event instanceof ContextClosedEvent) {
			this.gate.close();
		}
	}

}
