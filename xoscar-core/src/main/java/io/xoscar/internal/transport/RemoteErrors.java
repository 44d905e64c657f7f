package io.xoscar.internal.transport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.exception.ActorCallContext;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.NoIdleSlotException;
import io.xoscar.exception.RemoteActorException;

/**
 * Turns exceptions into {@link ErrorInfo} and back. On the way back the exception class is loaded
 * only when its name is in an allowed package and it is a {@link Throwable}; otherwise the caller
 * gets a {@link RemoteActorException} carrying the remote class name and message.
 * <p>
 * The rebuilt exception has exactly the original message. Many constructors build their message
 * ({@code super("quota: " + detail)}), so passing the received message to the {@code (String)}
 * constructor would prefix it again at every hop. The constructors are therefore tried in turn and
 * a result is kept only if its {@link Throwable#getMessage()} is the original: the {@code (String)}
 * constructor with the message; with the part of the message its own text surrounds (found by
 * constructing once with a marker); the no-argument constructor. When none gives the message, the
 * instance is allocated the way deserialization does, running only {@link Throwable}'s constructor
 * with the message (the class's own fields then keep their defaults); if even that does not give
 * the message (a {@code getMessage} override), a {@link RemoteActorException} does.
 */
final class RemoteErrors {

	private static final Set<String> ALWAYS_ALLOWED = Set.of("java.", "javax.", "jakarta.", "io.xoscar.", "reactor.",
			"tools.jackson.");

	/** What a constructor probed with it shows of its argument; never part of a real message. */
	private static final String MARKER = "\u0000xoscar-argument\u0000";

	private final List<String> allowedPackages;

	RemoteErrors(List<String> userPackages) {
		List<String> allowed = new ArrayList<>(ALWAYS_ALLOWED);
		for (String prefix : userPackages) {
			allowed.add(prefix.endsWith(".") ? prefix : prefix + ".");
		}
		this.allowedPackages = List.copyOf(allowed);
	}

	/**
	 * Describes an exception for the wire. Never throws: whatever of the exception's own methods
	 * fails is described instead, so that the caller is answered at once.
	 * @param error the exception
	 * @param context where it was raised ("actor 'a' (A) method m at host:port"), or {@code null}
	 * @return what crosses the wire
	 */
	static ErrorInfo describe(Throwable error, String context) {
		String className = error.getClass().getName();
		String message;
		if (error instanceof RemoteActorException remote) {
			className = remote.remoteClassName();
			message = remote.remoteMessage();
		}
		else {
			message = messageOf(error);
		}
		List<ErrorInfo.Frame> frames = new ArrayList<>();
		try {
			for (StackTraceElement element : error.getStackTrace()) {
				frames.add(new ErrorInfo.Frame(element.getClassName(), element.getMethodName(), element.getFileName(),
						element.getLineNumber()));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			frames.clear();
		}
		List<String> contexts = new ArrayList<>();
		for (Throwable suppressed : error.getSuppressed()) {
			if (suppressed instanceof ActorCallContext crossed) {
				contexts.add(messageOf(crossed));
			}
		}
		String here = "raised by " + context;
		if (context != null && !contexts.contains(here)) {
			contexts.add(here);
		}
		return new ErrorInfo(className, message, contexts, frames, details(error));
	}

	/**
	 * @param error an exception
	 * @return its message, or what its {@code getMessage} threw
	 */
	static String messageOf(Throwable error) {
		try {
			return error.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			String thrown;
			try {
				thrown = ex.getMessage();
			}
			catch (RuntimeException | LinkageError again) {
				thrown = null;
			}
			return "(getMessage() threw " + ex.getClass().getName() + ((thrown != null) ? ": " + thrown : "") + ")";
		}
	}

	/** The constructor arguments of Xoscar exceptions that carry more than a message. */
	private static List<String> details(Throwable error) {
		if (error instanceof ActorNotFoundException notFound) {
			return List.of(notFound.address(), notFound.uid(), notFound.getMessage());
		}
		if (error instanceof ActorAlreadyExistsException exists) {
			return List.of(exists.address(), exists.uid());
		}
		if (error instanceof NoIdleSlotException noSlot) {
			return List.of(noSlot.label(), noSlot.mark());
		}
		return null;
	}

	Throwable rebuild(ErrorInfo info, String from) {
		Throwable error = instantiate(info);
		if (error == null) {
			error = new RemoteActorException(info.className(), info.message());
		}
		if (info.stack() != null) {
			error.setStackTrace(info.stack()
				.stream()
				.map((frame) -> new StackTraceElement(frame.declaringClass(), frame.methodName(), frame.fileName(),
						frame.lineNumber()))
				.toArray(StackTraceElement[]::new));
		}
		List<String> contexts = (info.contexts() != null && !info.contexts().isEmpty()) ? info.contexts()
				: List.of("raised by the actor pool at " + from);
		for (String context : contexts) {
			error.addSuppressed(new ActorCallContext(context));
		}
		return error;
	}

	/** @return the exception as its own class with exactly its message, or {@code null} if not allowed or possible */
	private Throwable instantiate(ErrorInfo info) {
		String name = info.className();
		if (name == null || this.allowedPackages.stream().noneMatch(name::startsWith)) {
			return null;
		}
		Class<? extends Throwable> type;
		try {
			Class<?> loaded = Class.forName(name, false, RemoteErrors.class.getClassLoader());
			if (!Throwable.class.isAssignableFrom(loaded) || Modifier.isAbstract(loaded.getModifiers())) {
				return null;
			}
			type = loaded.asSubclass(Throwable.class);
		}
		catch (ClassNotFoundException | LinkageError | RuntimeException ex) {
			return null;
		}
		String message = info.message();
		if (info.details() != null && name.startsWith("io.xoscar.exception.")) {
			Class<?>[] strings = new Class<?>[info.details().size()];
			java.util.Arrays.fill(strings, String.class);
			Throwable built = construct(constructor(type, strings), info.details().toArray());
			if (hasMessage(built, message)) {
				return built;
			}
		}
		Constructor<? extends Throwable> withMessage = constructor(type, String.class);
		if (withMessage != null) {
			Throwable built = construct(withMessage, message);
			if (hasMessage(built, message)) {
				return built;
			}
			String argument = argumentGiving(withMessage, message);
			if (argument != null) {
				built = construct(withMessage, argument);
				if (hasMessage(built, message)) {
					return built;
				}
			}
		}
		Throwable bare = construct(constructor(type));
		if (hasMessage(bare, message)) {
			return bare;
		}
		Throwable allocated = WithOriginalMessage.allocate(type, message);
		return hasMessage(allocated, message) ? allocated : null;
	}

	/**
	 * For a constructor that puts its argument into a message of its own ({@code "quota: " + detail}):
	 * the argument that makes it build {@code message}.
	 * @return the argument, or {@code null} if the constructor does not use its argument verbatim once
	 */
	private static String argumentGiving(Constructor<? extends Throwable> withMessage, String message) {
		if (message == null) {
			return null;
		}
		Throwable probe = construct(withMessage, MARKER);
		String built = (probe != null) ? messageOf(probe) : null;
		int at = (built != null) ? built.indexOf(MARKER) : -1;
		if (at < 0 || built.indexOf(MARKER, at + 1) >= 0) {
			return null;
		}
		String prefix = built.substring(0, at);
		String suffix = built.substring(at + MARKER.length());
		if (message.length() < prefix.length() + suffix.length() || !message.startsWith(prefix)
				|| !message.endsWith(suffix)) {
			return null;
		}
		return message.substring(prefix.length(), message.length() - suffix.length());
	}

	private static boolean hasMessage(Throwable built, String message) {
		if (built == null) {
			return false;
		}
		try {
			return Objects.equals(built.getMessage(), message);
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static <T> Constructor<T> constructor(Class<T> type, Class<?>... parameters) {
		try {
			return type.getConstructor(parameters);
		}
		catch (NoSuchMethodException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

	private static Throwable construct(Constructor<? extends Throwable> constructor, Object... args) {
		if (constructor == null) {
			return null;
		}
		try {
			return constructor.newInstance(args);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

}
