package io.xoscar.spring.autoconfigure;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import io.xoscar.AbstractActor;
import io.xoscar.ActorFactory;

/**
 * Builds actors through the application's bean factory. An actor class with a prototype bean
 * definition (an {@link io.xoscar.spring.XActor @XActor}) is created from it; any other is created
 * with its constructor autowired. Actors created with explicit arguments get those arguments, then
 * field injection and the usual initialization callbacks.
 */
final class BeanFactoryActorFactory implements ActorFactory {

	private final ConfigurableListableBeanFactory beanFactory;

	BeanFactoryActorFactory(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public AbstractActor create(Class<? extends AbstractActor> type, Object[] args) throws Exception {
		if (args.length == 0) {
			String definition = prototypeDefinition(type);
			return (definition != null) ? (AbstractActor) this.beanFactory.getBean(definition)
					: this.beanFactory.createBean(type);
		}
		AbstractActor actor = ActorFactory.REFLECTIVE.create(type, args);
		this.beanFactory.autowireBean(actor);
		return (AbstractActor) this.beanFactory.initializeBean(actor, type.getName());
	}

	private String prototypeDefinition(Class<?> type) {
		for (String name : this.beanFactory.getBeanNamesForType(type, true, false)) {
			if (this.beanFactory.containsBeanDefinition(name) && this.beanFactory.getType(name) == type) {
				BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(name);
				if (definition.isPrototype()) {
					return name;
				}
			}
		}
		return null;
	}

}
