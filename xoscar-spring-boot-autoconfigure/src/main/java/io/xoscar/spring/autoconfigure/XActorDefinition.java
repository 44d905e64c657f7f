package io.xoscar.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import io.xoscar.AbstractActor;
import io.xoscar.Placement;
import io.xoscar.recovery.Supervision;
import io.xoscar.spring.XActor;

/**
 * An actor the application declares with {@link XActor @XActor}, its attributes resolved.
 *
 * @param beanName the bean name
 * @param type the actor class
 * @param uids the uids of its replicas (one unless {@code count} is more)
 * @param placement where its replicas go
 * @param supervision when its replicas are restarted
 */
record XActorDefinition(String beanName, Class<? extends AbstractActor> type, List<String> uids, Placement placement,
		Supervision supervision) {

	/**
	 * @param beanFactory the application's bean factory
	 * @return the {@code @XActor} beans it defines
	 * @throws IllegalStateException if one is not an actor class or has invalid attributes
	 */
	static List<XActorDefinition> find(ConfigurableListableBeanFactory beanFactory) {
		List<XActorDefinition> found = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			Class<?> type = beanClass(definition, beanFactory.getBeanClassLoader());
			if (type == null) {
				continue;
			}
			MergedAnnotation<XActor> annotation = MergedAnnotations.from(type).get(XActor.class);
			if (annotation.isPresent()) {
				found.add(of(name, type, annotation.synthesize(), beanFactory));
			}
		}
		return found;
	}

	private static Class<?> beanClass(BeanDefinition definition, ClassLoader classLoader) {
		String className = definition.getBeanClassName();
		if (className == null || definition.getFactoryMethodName() != null) {
			return null;
		}
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static XActorDefinition of(String beanName, Class<?> type, XActor actor,
			ConfigurableListableBeanFactory beanFactory) {
		String where = "@XActor " + type.getName() + " (bean '" + beanName + "')";
		if (!AbstractActor.class.isAssignableFrom(type)) {
			throw new IllegalStateException(where + " does not extend Actor or StatelessActor");
		}
		String uid = resolve(beanFactory, actor.uid());
		uid = uid.isEmpty() ? beanName : uid;
		if (actor.count() < 1) {
			throw new IllegalStateException(where + ": count must be at least 1, was " + actor.count());
		}
		List<String> uids = new ArrayList<>();
		for (int i = 0; i < actor.count(); i++) {
			uids.add((actor.count() == 1) ? uid : uid + "-" + i);
		}
		return new XActorDefinition(beanName, type.asSubclass(AbstractActor.class), List.copyOf(uids),
				placement(actor, type, beanFactory, where), XActorSupervision.of(actor, beanFactory, where));
	}

	private static Placement placement(XActor actor, Class<?> type, ConfigurableListableBeanFactory beanFactory,
			String where) {
		String pool = resolve(beanFactory, actor.pool());
		String label = resolve(beanFactory, actor.label());
		if (!pool.isEmpty() && !label.isEmpty()) {
			throw new IllegalStateException(where + ": give pool or label, not both");
		}
		String target = pool.isEmpty() ? label : pool;
		if (target.isEmpty()) {
			return Placement.mainPool();
		}
		return switch (actor.strategy()) {
			case LEAST_LOADED -> Placement.leastLoaded(target);
			case RANDOM -> Placement.label(target);
			case IDLE -> {
				String mark = resolve(beanFactory, actor.mark());
				yield Placement.idleLabel(target, mark.isEmpty() ? type.getName() : mark);
			}
		};
	}

	private static String resolve(ConfigurableListableBeanFactory beanFactory, String value) {
		String resolved = beanFactory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved.trim() : "";
	}

	boolean declares(String uid) {
		return this.uids.contains(uid);
	}

}
