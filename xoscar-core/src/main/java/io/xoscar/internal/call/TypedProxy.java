package io.xoscar.internal.call;

import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.xoscar.ActorMethod;
import io.xoscar.Idempotent;
import io.xoscar.exception.ActorCheckedException;
import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodInfo;
import io.xoscar.internal.reflect.Signatures;
import io.xoscar.internal.reflect.Streams;

/**
 * Typed proxies over a handle. Every abstract interface method is matched to an actor method when
 * the proxy is made, so that a mismatch fails then, naming the method, rather than at first call.
 */
final class TypedProxy implements InvocationHandler {

	private final DefaultActorHandle<?> handle;

	private final Map<Method, Route> routes;

	private TypedProxy(DefaultActorHandle<?> handle, Map<Method, Route> routes) {
		this.handle = handle;
		this.routes = routes;
	}

	static <I> I create(DefaultActorHandle<?> handle, Class<I> api) {
		if (!api.isInterface()) {
			throw new IllegalArgumentException(api.getName() + " is not an interface");
		}
		ActorClassInfo info = ActorClassInfo.of(handle.actorClass());
		Map<Method, Route> routes = new HashMap<>();
		for (Method method : api.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
				continue;
			}
			Invocable target = info.match(method.getName(), method.getParameterTypes());
			Mode mode = Mode.of(method.getReturnType());
			if (mode == Mode.BLOCKING && target instanceof MethodInfo actorMethod) {
				checkReturnType(api, method, actorMethod);
			}
			if (mode == Mode.STREAM && target instanceof MethodInfo actorMethod
					&& !Streams.mayStream(actorMethod.method())) {
				throw new NoSuchActorMethodException(api.getSimpleName() + "." + Signatures.describe(method)
						+ " returns a stream but actor method " + actorMethod + " returns "
						+ actorMethod.method().getReturnType().getSimpleName());
			}
			ActorMethod actorMethod = handle.method(method.getName());
			routes.put(method, new Route(
					method.isAnnotationPresent(Idempotent.class) ? actorMethod.idempotent() : actorMethod, mode));
		}
		Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api },
				new TypedProxy(handle, routes));
		return api.cast(proxy);
	}

	private static void checkReturnType(Class<?> api, Method method, MethodInfo actorMethod) {
		Class<?> wanted = method.getReturnType();
		Class<?> returned = actorMethod.method().getReturnType();
		boolean asynchronous = CompletionStage.class.isAssignableFrom(returned) || Mono.class.isAssignableFrom(returned);
		if (wanted == void.class || asynchronous || returned == Object.class
				|| boxed(wanted).isAssignableFrom(boxed(returned))) {
			return;
		}
		throw new NoSuchActorMethodException(api.getSimpleName() + "." + Signatures.describe(method) + " returns "
				+ wanted.getSimpleName() + " but actor method " + actorMethod + " returns " + returned.getSimpleName());
	}

	private static Class<?> boxed(Class<?> type) {
		return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		Route route = this.routes.get(method);
		if (route != null) {
			try {
				return route.invoke((args != null) ? args : new Object[0]);
			}
			catch (ActorCheckedException ex) {
				throw declared(method, ex);
			}
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		return switch (method.getName()) {
			case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
					&& Proxy.getInvocationHandler(args[0]) instanceof TypedProxy other && other.handle.equals(this.handle);
			case "hashCode" -> this.handle.hashCode();
			case "toString" -> "TypedProxy[" + this.handle + "]";
			default -> throw new UnsupportedOperationException(method.toString());
		};
	}

	/** A checked exception the interface method declares is thrown as itself. */
	private static Throwable declared(Method method, ActorCheckedException ex) {
		Throwable cause = ex.getCause();
		for (Class<?> declared : method.getExceptionTypes()) {
			if (declared.isInstance(cause)) {
				return cause;
			}
		}
		return ex;
	}

	private enum Mode {

		FUTURE, MONO, STREAM, BLOCKING;

		static Mode of(Class<?> returnType) {
			if (returnType == Flux.class || returnType == Publisher.class) {
				return STREAM;
			}
			if (returnType == CompletableFuture.class || returnType == CompletionStage.class) {
				return FUTURE;
			}
			if (returnType == Mono.class) {
				return MONO;
			}
			return BLOCKING;
		}

	}

	private record Route(ActorMethod method, Mode mode) {

		Object invoke(Object[] args) {
			return switch (this.mode) {
				case FUTURE -> this.method.send(args);
				case MONO -> this.method.mono(args);
				case STREAM -> this.method.stream(args);
				case BLOCKING -> this.method.call(args);
			};
		}

	}

}
