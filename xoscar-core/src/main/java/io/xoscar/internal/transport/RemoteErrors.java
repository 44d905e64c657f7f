package io.xoscar.internal.transport;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
final class RemoteErrors {

	private static final Set<String> ALWAYS_ALLOWED = Set.of("java.", "javax.", "jakarta.", "io.xoscar.", "reactor.",
			"tools.jackson.");

	private final List<String> allowedPackages;

	RemoteErrors(List<String> userPackages) {
		List<String> allowed = new ArrayList<>(ALWAYS_ALLOWED);
		for (String prefix : userPackages) {
			allowed.add(prefix.endsWith(".") ? prefix : prefix + ".");
		}
		this.allowedPackages = List.copyOf(allowed);
	}

	static ErrorInfo describe(Throwable error, String context) {
		String className = error.getClass().getName();
		String message = error.getMessage();
		if (error instanceof RemoteActorException remote) {
			className = remote.remoteClassName();
			message = remote.remoteMessage();
		}
		List<ErrorInfo.Frame> frames = new ArrayList<>();
		for (StackTraceElement element : error.getStackTrace()) {
			frames.add(new ErrorInfo.Frame(element.getClassName(), element.getMethodName(), element.getFileName(),
					element.getLineNumber()));
		}
		List<String> contexts = new ArrayList<>();
		for (Throwable suppressed : error.getSuppressed()) {
			if (suppressed instanceof ActorCallContext crossed) {
				contexts.add(crossed.getMessage());
			}
		}
		String here = "raised by " + context;
		if (context != null && !contexts.contains(here)) {
			contexts.add(here);
		}
		return new ErrorInfo(className, message, contexts, frames, details(error));
	}

	/** The constructor arguments of Xoscar exceptions that carry more than a message. */
	private static List<String> details(Throwable error) {
		if (error instanceof ActorNotFoundException notFound) {
			return List.of(notFound.address(), notFound.uid());
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

	private Throwable instantiate(ErrorInfo info) {
		String name = info.className();
		if (name == null || this.allowedPackages.stream().noneMatch(name::startsWith)) {
			return null;
		}
		try {
			Class<?> type = Class.forName(name, false, RemoteErrors.class.getClassLoader());
			if (!Throwable.class.isAssignableFrom(type)) {
				return null;
			}
			if (info.details() != null && name.startsWith("io.xoscar.exception.")) {
				Class<?>[] strings = new Class<?>[info.details().size()];
				Arrays.fill(strings, String.class);
				return (Throwable) type.getConstructor(strings).newInstance(info.details().toArray());
			}
			try {
				Constructor<?> withMessage = type.getConstructor(String.class);
				return (Throwable) withMessage.newInstance(info.message());
			}
			catch (NoSuchMethodException ex) {
				if (info.message() != null) {
					return null;
				}
				return (Throwable) type.getConstructor().newInstance();
			}
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			return null;
		}
	}

}
