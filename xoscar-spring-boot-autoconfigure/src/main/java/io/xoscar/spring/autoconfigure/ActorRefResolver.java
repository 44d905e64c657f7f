package io.xoscar.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.annotation.MergedAnnotations;

import io.xoscar.AbstractActor;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

/**
 * Answers every {@link ActorRef @ActorRef} injection point of the context, wherever it is (a bean's
 * constructor, field or method, a {@code @Bean} method's parameter, a test class instance), the way
 * {@code @Value} points are answered: with a suggested value, the reference {@link ActorReferences}
 * makes. Also refuses, with a clear message, to inject an {@link XActor @XActor} class as a plain
 * bean: that instance would not be the actor (its calls would bypass the actor's lock and pool).
 * Everything else is the context's usual annotation-driven resolution, which this extends (so that
 * the context keeps it and does not put its own back).
 */
final class ActorRefResolver extends ContextAnnotationAutowireCandidateResolver {

	/** Whether xoscar is enabled: if not, {@code @ActorRef} points fail saying so. */
	private final boolean enabled;

	ActorRefResolver(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public Object getSuggestedValue(DependencyDescriptor descriptor) {
		ActorRefInjectionPoint wanted = ActorRefInjectionPoint.of(descriptor);
		if (wanted != null) {
			if (!this.enabled) {
				throw new ActorInjectionException("@ActorRef(\"" + wanted.uid() + "\") at " + wanted.where()
						+ " cannot be injected: xoscar is disabled (xoscar.enabled=false), so there is no actor system",
						"Remove xoscar.enabled=false (or set it to true), or remove the injection point.");
			}
			return references().create(wanted);
		}
		Class<?> type = descriptor.getDependencyType();
		if (AbstractActor.class.isAssignableFrom(type) && MergedAnnotations.from(type).isPresent(XActor.class)) {
			throw new ActorInjectionException(describe(descriptor) + " asks for " + type.getName()
					+ ", an @XActor: an actor is not injected as a bean (that instance would not be the actor, and its"
					+ " calls would bypass the actor's lock and pool)",
					"Inject a reference instead: @ActorRef(\"<uid>\") with an interface whose methods match the actor's"
							+ " (a typed proxy), or @ActorRef(\"<uid>\") ActorHandle<" + type.getSimpleName() + ">.");
		}
		return super.getSuggestedValue(descriptor);
	}

	private ActorReferences references() {
		BeanFactory beanFactory = getBeanFactory();
		if (beanFactory == null) {
			throw new IllegalStateException("@ActorRef resolution needs its bean factory");
		}
		return beanFactory.getBean(ActorReferences.class);
	}

	private static String describe(DependencyDescriptor descriptor) {
		if (descriptor.getField() != null) {
			return "Field " + descriptor.getField().getDeclaringClass().getName() + "." + descriptor.getField().getName();
		}
		if (descriptor.getMethodParameter() != null) {
			return "Parameter " + descriptor.getMethodParameter().getParameterIndex() + " of "
					+ descriptor.getMethodParameter().getExecutable().toGenericString();
		}
		return "An injection point";
	}

	@Override
	public AutowireCandidateResolver cloneIfNecessary() {
		return new ActorRefResolver(this.enabled);
	}

}
