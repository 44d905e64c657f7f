package io.xoscar.internal.transport;

import java.lang.reflect.Constructor;

import sun.reflect.ReflectionFactory;

/**
 * Allocates an exception of a given class the way Java deserialization does: only
 * {@link Throwable}'s constructor runs, with the message it had in the other process, so that a
 * class whose constructors all build their own message still arrives with the original one. The
 * class's own fields keep their defaults. {@code sun.reflect.ReflectionFactory} is the supported
 * API for this (module {@code jdk.unsupported}, as serialization libraries use it).
 */
final class WithOriginalMessage {

	private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {

		@Override
		protected Constructor<?> computeValue(Class<?> type) {
			try {
				return ReflectionFactory.getReflectionFactory()
					.newConstructorForSerialization(type, Throwable.class.getDeclaredConstructor(String.class));
			}
			catch (NoSuchMethodException | RuntimeException | LinkageError ex) {
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
