package io.xoscar.spring.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

import io.xoscar.spring.ActorRef;

/**
 * Registers one bean definition per distinct {@link ActorRef @ActorRef} injection point of the
 * application's beans, qualified with that annotation (value and address), so that plain
 * autowiring injects it, and only where asked for. The bean is the typed proxy or handle, made by
 * {@link ActorReferences} when first injected.
 */
final class ActorRefRegistrar implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware {

	private static final String PREFIX = "xoscar.actorRef#";

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		ClassLoader classLoader = (this.beanFactory instanceof ConfigurableListableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ClassUtils.getDefaultClassLoader();
		Set<Class<?>> scanned = new HashSet<>();
		for (String name : registry.getBeanDefinitionNames()) {
			for (Class<?> type : injectingClasses(registry.getBeanDefinition(name), registry, classLoader)) {
				if (scanned.add(type)) {
					ActorRefInjectionPoints.of(type).forEach((wanted) -> register(registry, wanted));
				}
			}
		}
	}

	/**
	 * The bean's class; for a {@code @Bean} method also the class declaring it (its parameters) and
	 * the type it returns (its fields and setters).
	 */
	private static Set<Class<?>> injectingClasses(BeanDefinition definition, BeanDefinitionRegistry registry,
			ClassLoader classLoader) {
		Set<Class<?>> classes = new HashSet<>();
		addClass(definition.getBeanClassName(), classLoader, classes);
		String factoryBean = definition.getFactoryBeanName();
		if (factoryBean != null && registry.containsBeanDefinition(factoryBean)) {
			addClass(registry.getBeanDefinition(factoryBean).getBeanClassName(), classLoader, classes);
		}
		if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
			addClass(annotated.getFactoryMethodMetadata().getReturnTypeName(), classLoader, classes);
		}
		return classes;
	}

	private static void addClass(String className, ClassLoader classLoader, Set<Class<?>> classes) {
		if (className == null || className.startsWith("org.springframework.")) {
			return;
		}
		try {
			classes.add(ClassUtils.forName(className, classLoader));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// not loadable here: it cannot have our injection points either
		}
	}

	private void register(BeanDefinitionRegistry registry, ActorRefInjectionPoints.Wanted wanted) {
		String name = PREFIX + wanted.key();
		if (registry.containsBeanDefinition(name)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setTargetType(wanted.type());
		definition.setInstanceSupplier(
				() -> this.beanFactory.getBean(ActorReferences.class).create(wanted));
		AutowireCandidateQualifier qualifier = new AutowireCandidateQualifier(ActorRef.class, wanted.uid());
		qualifier.setAttribute("address", wanted.address());
		definition.addQualifier(qualifier);
		// only injection points qualified with @ActorRef get it, never a plain one of the same type
		definition.setDefaultCandidate(false);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_NO);
		registry.registerBeanDefinition(name, definition);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

}
