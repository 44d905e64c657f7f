package io.xoscar.internal.reflect;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Human-readable method signatures and argument lists for error messages.
 */
public final class Signatures {

	private Signatures() {
	}

	public static String describe(Method method) {
		return describe(method.getName(), method.getParameterTypes());
	}

	public static String describe(String name, Class<?>[] parameterTypes) {
		return name + Arrays.stream(parameterTypes).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
	}

	public static String describeArgs(Object[] args) {
		return Arrays.stream(args)
			.map((arg) -> (arg != null) ? arg.getClass().getSimpleName() : "null")
			.collect(Collectors.joining(", ", "(", ")"));
	}

}
