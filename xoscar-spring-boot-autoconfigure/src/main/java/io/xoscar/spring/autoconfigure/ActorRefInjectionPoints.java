package io.xoscar.spring.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import io.xoscar.spring.ActorRef;

/**
 * Finds the {@link ActorRef @ActorRef} injection points of a bean class: constructor and method
 * parameters (setters, {@code @Bean} methods), and fields, in the class and its superclasses.
 */
final class ActorRefInjectionPoints {

	/**
	 * What an injection point asks for.
	 *
	 * @param uid the actor uid
	 * @param address the node address, empty for this node
	 * @param type the declared type: an interface for a typed proxy, or {@code ActorHandle<T>}
	 * @param where the injection point, for messages
	 */
	record Wanted(String uid, String address, ResolvableType type, String where) {

		/** Two injection points of the same uid, address and type share one reference bean. */
		String key() {
			return this.uid + "@" + this.address + "#" + this.type;
		}

	}

	private ActorRefInjectionPoints() {
	}

	static Set<Wanted> of(Class<?> type) {
		Set<Wanted> found = new LinkedHashSet<>();
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			addParameters(constructor, found);
		}
		ReflectionUtils.doWithMethods(type, (method) -> addParameters(method, found),
				(method) -> !method.isBridge() && !method.isSynthetic());
		ReflectionUtils.doWithFields(type, (field) -> {
			ActorRef ref = AnnotatedElementUtils.findMergedAnnotation(field, ActorRef.class);
			if (ref != null) {
				found.add(new Wanted(ref.value(), ref.address(), ResolvableType.forField(field, type),
						field.getDeclaringClass().getName() + "." + field.getName()));
			}
		});
		return found;
	}

	private static void addParameters(Executable executable, Set<Wanted> found) {
		for (int i = 0; i < executable.getParameterCount(); i++) {
			ActorRef ref = executable.getParameters()[i].getAnnotation(ActorRef.class);
			if (ref != null) {
				MethodParameter parameter = MethodParameter.forExecutable(executable, i);
				String where = (executable instanceof Method method) ? method.getDeclaringClass().getName() + "."
						+ method.getName() + " parameter " + i : executable.getDeclaringClass().getName()
								+ " constructor parameter " + i;
				found.add(new Wanted(ref.value(), ref.address(), ResolvableType.forMethodParameter(parameter), where));
			}
		}
	}

}
