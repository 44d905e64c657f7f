package io.xoscar.spring.autoconfigure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

import io.xoscar.AbstractActor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.XoscarException;

/**
 * Makes what {@link io.xoscar.spring.ActorRef @ActorRef} injects. A typed proxy of an actor this
 * application declares ({@code @XActor}) is checked against the actor class at once, so that a
 * mismatched interface fails the start naming the method; one of an actor known only at run time
 * (another node's, or one created by code) finds its actor and is checked at its first call.
 */
final class ActorReferences {

	private final ActorSystem system;

	private final ConfigurableListableBeanFactory beanFactory;

	private final Map<String, Class<? extends AbstractActor>> declared;

	private final Duration callTimeout;

	private final Map<String, Object> made = new ConcurrentHashMap<>();

	ActorReferences(ActorSystem system, ConfigurableListableBeanFactory beanFactory, List<XActorDefinition> actors,
			Duration callTimeout) {
		this.system = system;
		this.beanFactory = beanFactory;
		this.declared = actors.stream()
			.flatMap((actor) -> actor.uids().stream().map((uid) -> Map.entry(uid, actor.type())))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
		this.callTimeout = callTimeout;
	}

	/**
	 * @param wanted an injection point
	 * @return its reference: the same one for every point of the same uid, address and type
	 */
	Object create(ActorRefInjectionPoint wanted) {
		return this.made.computeIfAbsent(wanted.key(), (key) -> make(wanted));
	}

	private Object make(ActorRefInjectionPoint wanted) {
		String address = this.beanFactory.resolveEmbeddedValue(wanted.address());
		boolean here = address == null || address.isBlank();
		String target = here ? this.system.address() : address.trim();
		String uid = this.beanFactory.resolveEmbeddedValue(wanted.uid());
		Class<?> type = wanted.type().resolve(Object.class);
		Class<?> known = here ? this.declared.get(uid) : null;
		if (type == ActorHandle.class) {
			ResolvableType generic = wanted.type().getGeneric(0);
			Class<?> actorClass = (generic.resolve() != null && generic.resolve() != Object.class) ? generic.resolve()
					: known;
			return this.system.handle(target, uid, actorClass);
		}
		if (!type.isInterface()) {
			throw new IllegalStateException("@ActorRef(\"" + uid + "\") at " + wanted.where() + " must be an interface"
					+ " (a typed proxy) or an ActorHandle, not " + type.getName());
		}
		if (known != null) {
			return this.system.handle(target, uid, known).as(type);
		}
		return lazyProxy(type, (api) -> find(target, uid).as(api));
	}

	/** Finds an actor known only at run time, within the call timeout; fails as the call would. */
	private ActorHandle<Object> find(String address, String uid) {
		try {
			return this.system.actorRef(address, uid).get(this.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new XoscarException("cannot find actor '" + uid + "' at " + address, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CallTimeoutException("actor '" + uid + "' at " + address + " was not found within "
					+ this.callTimeout + " (xoscar.debug.call-timeout)");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new XoscarException("interrupted while finding actor '" + uid + "' at " + address, ex);
		}
	}

	/** A proxy that finds its actor, and makes the typed proxy, at its first call. */
	private static Object lazyProxy(Class<?> api, Function<Class<?>, Object> resolve) {
		InvocationHandler handler = new InvocationHandler() {

			private volatile Object target;

			@Override
			public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
				if (method.getDeclaringClass() == Object.class) {
					return switch (method.getName()) {
						case "equals" -> proxy == args[0];
						case "hashCode" -> System.identityHashCode(proxy);
						default -> "ActorRef proxy of " + api.getName();
					};
				}
				Object resolved = this.target;
				if (resolved == null) {
					resolved = resolve.apply(api);
					this.target = resolved;
				}
				try {
					return method.invoke(resolved, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			}

		};
		return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, handler);
	}

}
