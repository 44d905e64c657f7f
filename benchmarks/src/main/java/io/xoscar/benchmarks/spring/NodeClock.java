package io.xoscar.benchmarks.spring;

import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;

import io.xoscar.ActorSystem;

/**
 * Notes in {@link ChildClock} when the refresh registers bean post-processors (this one's creation),
 * when the {@link ActorSystem} bean is about to be created and when it is (with its config, a factory
 * argument): in a process pool's child, the creation of the pool's node.
 */
final class NodeClock implements InstantiationAwareBeanPostProcessor {

	NodeClock() {
		ChildClock.postProcessorsRegistering();
	}

	@Override
	public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
		if (ActorSystem.class.isAssignableFrom(beanClass)) {
			ChildClock.nodeCreating();
		}
		return null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ActorSystem) {
			ChildClock.nodeCreated();
		}
		return bean;
	}

}
