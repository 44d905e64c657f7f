package io.xoscar.internal.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Picks the overload a call's arguments select, the way the Java compiler would pick among
 * applicable methods: arity, then assignability (with boxing and primitive widening), then the most
 * specific parameter types.
 */
final class Overloads {

	private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class,
			Byte.class, short.class, Short.class, char.class, Character.class, int.class, Integer.class, long.class,
			Long.class, float.class, Float.class, double.class, Double.class);

	private static final Map<Class<?>, Class<?>> UNBOXES = Map.of(Boolean.class, boolean.class, Byte.class,
			byte.class, Short.class, short.class, Character.class, char.class, Integer.class, int.class, Long.class,
			long.class, Float.class, float.class, Double.class, double.class);

	/** Primitive types each primitive widens to (JLS 5.1.2), itself included. */
	private static final Map<Class<?>, List<Class<?>>> WIDENS_TO = Map.of(byte.class,
			List.of(byte.class, short.class, int.class, long.class, float.class, double.class), short.class,
			List.of(short.class, int.class, long.class, float.class, double.class), char.class,
			List.of(char.class, int.class, long.class, float.class, double.class), int.class,
			List.of(int.class, long.class, float.class, double.class), long.class,
			List.of(long.class, float.class, double.class), float.class, List.of(float.class, double.class),
			double.class, List.of(double.class), boolean.class, List.of(boolean.class));

	private Overloads() {
	}

	/**
	 * @param <T> the kind of candidate (method or constructor)
	 * @param candidates methods (or constructors) of one name
	 * @param parameterTypes the parameter types of a candidate
	 * @param args the call's arguments
	 * @return the applicable candidates that are most specific (one when the call is unambiguous)
	 */
	static <T> List<T> select(List<T> candidates, Function<T, Class<?>[]> parameterTypes, Object[] args) {
		if (candidates.size() == 1) {
			T only = candidates.get(0);
			return accepts(parameterTypes.apply(only), args) ? candidates : List.of();
		}
		List<T> applicable = new ArrayList<>(candidates.size());
		for (T candidate : candidates) {
			if (accepts(parameterTypes.apply(candidate), args)) {
				applicable.add(candidate);
			}
		}
		if (applicable.size() <= 1) {
			return applicable;
		}
		List<T> mostSpecific = new ArrayList<>(1);
		for (T candidate : applicable) {
			boolean beatsAll = true;
			for (T other : applicable) {
				if (other != candidate
						&& !moreSpecific(parameterTypes.apply(candidate), parameterTypes.apply(other))) {
					beatsAll = false;
					break;
				}
			}
			if (beatsAll) {
				mostSpecific.add(candidate);
			}
		}
		return mostSpecific.isEmpty() ? applicable : mostSpecific;
	}

	static boolean accepts(Class<?>[] parameterTypes, Object[] args) {
		if (parameterTypes.length != args.length) {
			return false;
		}
		for (int i = 0; i < args.length; i++) {
			if (!accepts(parameterTypes[i], args[i])) {
				return false;
			}
		}
		return true;
	}

	static boolean accepts(Class<?> parameterType, Object arg) {
		if (arg == null) {
			return !parameterType.isPrimitive();
		}
		Class<?> argType = arg.getClass();
		if (parameterType == argType) {
			return true;
		}
		if (!parameterType.isPrimitive()) {
			return parameterType.isInstance(arg);
		}
		Class<?> argPrimitive = UNBOXES.get(argType);
		return argPrimitive == parameterType
				|| (argPrimitive != null && WIDENS_TO.get(argPrimitive).contains(parameterType));
	}

	/**
	 * Converts an argument the way a method call converts it to its parameter's type: a boxed
	 * primitive for a primitive parameter of a wider type is widened (JLS 5.1.2).
	 * @param parameterType the parameter's type
	 * @param arg an argument {@link #accepts accepted} for it
	 * @return the argument as the parameter receives it (boxed, for a primitive)
	 */
	static Object coerce(Class<?> parameterType, Object arg) {
		if (arg == null || !parameterType.isPrimitive() || BOXES.get(parameterType) == arg.getClass()) {
			return arg;
		}
		Object value = (arg instanceof Character character) ? Integer.valueOf(character) : arg;
		if (!(value instanceof Number number)) {
			return arg;
		}
		if (parameterType == long.class) {
			return number.longValue();
		}
		if (parameterType == int.class) {
			return number.intValue();
		}
		if (parameterType == double.class) {
			return number.doubleValue();
		}
		if (parameterType == float.class) {
			return number.floatValue();
		}
		if (parameterType == short.class) {
			return number.shortValue();
		}
		return arg;
	}

	/** Whether a method parameter of one type can be called with values of the other. */
	static boolean compatible(Class<?> parameterType, Class<?> valueType) {
		Class<?> boxedParameter = parameterType.isPrimitive() ? BOXES.get(parameterType) : parameterType;
		Class<?> boxedValue = valueType.isPrimitive() ? BOXES.get(valueType) : valueType;
		return boxedParameter.isAssignableFrom(boxedValue);
	}

	/** Whether every parameter of {@code a} is at least as specific as the one of {@code b}. */
	private static boolean moreSpecific(Class<?>[] a, Class<?>[] b) {
		for (int i = 0; i < a.length; i++) {
			if (!subsumes(b[i], a[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean subsumes(Class<?> general, Class<?> specific) {
		if (general.isPrimitive() && specific.isPrimitive()) {
			return WIDENS_TO.get(specific).contains(general);
		}
		if (general.isPrimitive() || specific.isPrimitive()) {
			// an exact primitive beats its box (int over Integer for an Integer argument is not
			// specified by the JLS for runtime dispatch; prefer the primitive)
			Class<?> primitive = general.isPrimitive() ? general : specific;
			Class<?> other = general.isPrimitive() ? specific : general;
			return specific.isPrimitive() && other.isAssignableFrom(BOXES.get(primitive));
		}
		return general.isAssignableFrom(specific);
	}

}
