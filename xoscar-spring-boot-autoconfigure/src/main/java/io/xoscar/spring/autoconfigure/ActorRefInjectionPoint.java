package io.xoscar.spring.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.xoscar.spring.ActorRef;

/**
 * What an {@link ActorRef @ActorRef} injection point asks for: a field, a constructor or method
 * parameter, or the only parameter of a method annotated itself.
 *
 * @param uid the actor uid (placeholders not resolved yet)
 * @param address the node address, empty for this node
 * @param type the declared type: an interface for a typed proxy, or {@code ActorHandle<T>}
 * @param where the injection point, for messages
 */
record ActorRefInjectionPoint(String uid, String address, ResolvableType type, String where) {

	/** Two injection points of the same uid, address and type share one reference. */
	String key() {
		return this.uid + "@" + this.address + "#" + this.type;
	}

	/**
	 * @param descriptor a dependency
	 * @return what it asks for, or {@code null} if it is no {@code @ActorRef} point
	 */
	static ActorRefInjectionPoint of(DependencyDescriptor descriptor) {
		Field field = descriptor.getField();
		if (field != null) {
			ActorRef ref = AnnotatedElementUtils.findMergedAnnotation(field, ActorRef.class);
			return (ref != null) ? new ActorRefInjectionPoint(ref.value(), ref.address(), descriptor.getResolvableType(),
					"field " + field.getDeclaringClass().getName() + "." + field.getName()) : null;
		}
		MethodParameter parameter = descriptor.getMethodParameter();
		if (parameter == null) {
			return null;
		}
		ActorRef ref = parameter.getParameterAnnotation(ActorRef.class);
		Method method = parameter.getMethod();
		if (ref == null && method != null && method.getParameterCount() == 1) {
			ref = AnnotatedElementUtils.findMergedAnnotation(method, ActorRef.class);
		}
		if (ref == null) {
			return null;
		}
		String where = (method != null)
				? "parameter " + parameter.getParameterIndex() + " of " + method.getDeclaringClass().getName() + "."
						+ method.getName()
				: "parameter " + parameter.getParameterIndex() + " of the constructor of "
						+ parameter.getDeclaringClass().getName();
		return new ActorRefInjectionPoint(ref.value(), ref.address(), descriptor.getResolvableType(), where);
	}

}
