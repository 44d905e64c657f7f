package io.xoscar.internal.transport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Allocates an exception of a given class the way Java deserialization does: only
 * {@link Throwable}'s constructor runs, with the message it had in the other process, so that a
 * class whose constructors all build their own message still arrives with the original one. The
 * class's own fields keep their defaults. This is what {@code sun.reflect.ReflectionFactory}
 * (module {@code jdk.unsupported}, the API serialization libraries use) offers; it is looked up
 * reflectively, so that a JDK without it only loses this last resort.
 */
final class WithOriginalMessage {

	private static final Object FACTORY;

	private static final Method NEW_CONSTRUCTOR;

	static {
		Object factory = null;
		Method newConstructor = null;
		try {
			Class<?> type = Class.forName("sun.reflect.ReflectionFactory");
			factory = type.getMethod("getReflectionFactory").invoke(null);
			newConstructor = type.getMethod("newConstructorForSerialization", Class.class, Constructor.class);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			factory = null;
			newConstructor = null;
		}
		FACTORY = factory;
		NEW_CONSTRUCTOR = newConstructor;
	}

	private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {

		@Override
		protected Constructor<?> computeValue(Class<?> type) {
			if (NEW_CONSTRUCTOR == null) {
				return null;
			}
			try {
				return (Constructor<?>) NEW_CONSTRUCTOR.invoke(FACTORY, type,
						Throwable.class.getDeclaredConstructor(String.class));
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				return null;
			}
		}

	};

	private WithOriginalMessage() {
	}

	/**
	 * @param type an exception class
	 * @param message the message
	 * @return an instance with that message, or {@code null} if the JDK does not allow it
	 */
	static Throwable allocate(Class<? extends Throwable> type, String message) {
		Constructor<?> constructor = CONSTRUCTORS.get(type);
		if (constructor == null) {
			return null;
		}
		try {
			return type.cast(constructor.newInstance(message));
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

}
