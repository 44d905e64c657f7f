package io.xoscar.spring.autoconfigure;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import io.xoscar.spring.XActor;

/**
 * Puts the {@link ActorRefResolver} in place before beans are made, and takes the
 * {@link XActor @XActor} bean definitions out of autowiring: they are there so that pools build
 * actors with their dependencies (by name), not to be injected.
 */
final class ActorRefResolverInstaller implements BeanFactoryPostProcessor {

	private final boolean enabled;

	ActorRefResolverInstaller(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		if (beanFactory instanceof DefaultListableBeanFactory listable) {
			listable.setAutowireCandidateResolver(new ActorRefResolver(this.enabled));
		}
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (isXActor(definition, beanFactory.getBeanClassLoader())) {
				definition.setAutowireCandidate(false);
			}
		}
	}

	private static boolean isXActor(BeanDefinition definition, ClassLoader classLoader) {
		String className = definition.getBeanClassName();
		if (className == null || definition.getFactoryMethodName() != null) {
			return false;
		}
		try {
			return MergedAnnotations.from(ClassUtils.forName(className, classLoader)).isPresent(XActor.class);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
