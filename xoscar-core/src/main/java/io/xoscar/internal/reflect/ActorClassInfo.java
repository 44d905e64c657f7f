package io.xoscar.internal.reflect;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.xoscar.AbstractActor;
import io.xoscar.Actor;
import io.xoscar.BatchOf;
import io.xoscar.StatelessActor;
import io.xoscar.exception.AmbiguousActorMethodException;
import io.xoscar.exception.NoSuchActorMethodException;

/**
 * What the runtime knows about an actor class: its callable methods by name, its batch
 * implementations and its constructors. Built once per class and cached.
 */
public final class ActorClassInfo {

	private static final ClassValue<ActorClassInfo> CACHE = new ClassValue<>() {
		@Override
		protected ActorClassInfo computeValue(Class<?> type) {
			return new ActorClassInfo(type);
		}
	};

	private final Class<?> type;

	private final boolean stateless;

	private final Map<String, List<MethodInfo>> methods;

	private final Map<String, BatchMethod> batches;

	private final List<String> methodNames;

	private ActorClassInfo(Class<?> type) {
		if (!AbstractActor.class.isAssignableFrom(type)) {
			throw new IllegalArgumentException(type.getName() + " must extend Actor or StatelessActor");
		}
		if (Modifier.isAbstract(type.getModifiers())) {
			throw new IllegalArgumentException("actor class " + type.getName() + " is abstract");
		}
		this.type = type;
		this.stateless = StatelessActor.class.isAssignableFrom(type);
		this.methods = collectMethods(type);
		this.batches = collectBatches(type, this.methods);
		this.methodNames = this.methods.keySet().stream().sorted().toList();
	}

	/**
	 * @param type an actor class
	 * @return its description
	 * @throws IllegalArgumentException if the class is not a valid actor class
	 */
	public static ActorClassInfo of(Class<?> type) {
		return CACHE.get(type);
	}

	private static Map<String, List<MethodInfo>> collectMethods(Class<?> type) {
		Map<String, List<MethodInfo>> byName = new LinkedHashMap<>();
		List<Method> methods = new ArrayList<>();
		for (Method method : type.getMethods()) {
			Class<?> declarer = method.getDeclaringClass();
			if (!(Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()
					|| declarer == Object.class || declarer == AbstractActor.class || declarer == Actor.class
					|| declarer == StatelessActor.class)) {
				methods.add(method);
			}
		}
		// overloads share their counts: metrics name methods, not signatures
		List<String> names = methods.stream().map(Method::getName).distinct().sorted().toList();
		for (Method method : methods) {
			byName.computeIfAbsent(method.getName(), (name) -> new ArrayList<>())
				.add(new MethodInfo(method, names.indexOf(method.getName())));
		}
		byName.replaceAll((name, list) -> List.copyOf(list));
		return Map.copyOf(byName);
	}

	private static Map<String, BatchMethod> collectBatches(Class<?> type, Map<String, List<MethodInfo>> methods) {
		Map<String, BatchMethod> batches = new LinkedHashMap<>();
		for (List<MethodInfo> overloads : methods.values()) {
			for (MethodInfo implementation : overloads) {
				BatchOf batchOf = implementation.method().getAnnotation(BatchOf.class);
				if (batchOf == null) {
					continue;
				}
				String batched = batchOf.value();
				List<MethodInfo> singles = methods.getOrDefault(batched, List.of());
				List<MethodInfo> extensible = singles.stream().filter(MethodInfo::extensible).toList();
				if (!singles.isEmpty() && extensible.isEmpty()) {
					throw new IllegalArgumentException(type.getName() + "." + implementation + " is @BatchOf(\"" + batched
							+ "\") but no method " + batched + " is @Extensible");
				}
				BatchMethod previous = batches.put(batched, new BatchMethod(batched, implementation, extensible));
				if (previous != null) {
					throw new IllegalArgumentException(type.getName() + " has two batch implementations of " + batched
							+ ": " + previous.implementation() + " and " + implementation);
				}
			}
		}
		return Map.copyOf(batches);
	}

	public Class<?> type() {
		return this.type;
	}

	public boolean stateless() {
		return this.stateless;
	}

	/**
	 * @param name a method name
	 * @return its overloads, empty if none
	 */
	public List<MethodInfo> overloads(String name) {
		return this.methods.getOrDefault(name, List.of());
	}

	/**
	 * @return the names of the public methods, sorted: a method's calls are counted at the index of
	 * its name ({@link Invocable#meterIndex()})
	 */
	public List<String> methodNames() {
		return this.methodNames;
	}

	/**
	 * @param name the method name the caller used
	 * @return the batch implementation of that method, or {@code null}
	 */
	public BatchMethod batchOf(String name) {
		return this.batches.get(name);
	}

	/**
	 * Picks what a direct call runs.
	 * @param name the method name
	 * @param args the arguments
	 * @return the overload the arguments select, or the batch implementation of a batch-only method
	 * @throws NoSuchActorMethodException if nothing matches
	 * @throws AmbiguousActorMethodException if several overloads match equally well
	 */
	public Invocable resolve(String name, Object[] args) {
		List<MethodInfo> overloads = this.methods.get(name);
		if (overloads == null) {
			BatchMethod batch = this.batches.get(name);
			if (batch != null) {
				return batch.asSingle();
			}
			throw new NoSuchActorMethodException(
					"actor class " + this.type.getName() + " has no method '" + name + "'; its methods: "
							+ new TreeSet<>(this.methods.keySet()));
		}
		List<MethodInfo> selected = Overloads.select(overloads, MethodInfo::parameterTypes, args);
		if (selected.size() == 1) {
			return selected.get(0);
		}
		if (selected.isEmpty()) {
			throw new NoSuchActorMethodException("no method " + this.type.getSimpleName() + "." + name
					+ " accepts arguments " + Signatures.describeArgs(args) + "; candidates: " + overloads);
		}
		throw new AmbiguousActorMethodException("call " + this.type.getSimpleName() + "." + name
				+ Signatures.describeArgs(args) + " is ambiguous between " + selected);
	}

	/**
	 * Finds the method a typed proxy method stands for: same name, compatible parameter types.
	 * @param name the method name
	 * @param parameterTypes the proxy method's parameter types
	 * @return the actor method
	 * @throws NoSuchActorMethodException if none matches
	 */
	public Invocable match(String name, Class<?>[] parameterTypes) {
		List<MethodInfo> overloads = this.methods.getOrDefault(name, List.of());
		for (MethodInfo candidate : overloads) {
			if (Arrays.equals(candidate.parameterTypes(), parameterTypes)) {
				return candidate;
			}
		}
		for (MethodInfo candidate : overloads) {
			if (compatible(candidate.parameterTypes(), parameterTypes)) {
				return candidate;
			}
		}
		BatchMethod batch = this.batches.get(name);
		if (overloads.isEmpty() && batch != null && compatible(batch.elementTypes(), parameterTypes)) {
			return batch.asSingle();
		}
		throw new NoSuchActorMethodException("actor class " + this.type.getName() + " has no method "
				+ Signatures.describe(name, parameterTypes) + (overloads.isEmpty() ? "" : "; candidates: " + overloads));
	}

	private static boolean compatible(Class<?>[] actorTypes, Class<?>[] callerTypes) {
		if (actorTypes.length != callerTypes.length) {
			return false;
		}
		for (int i = 0; i < actorTypes.length; i++) {
			if (!Overloads.compatible(actorTypes[i], callerTypes[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Creates an instance with the constructor the arguments select.
	 * @param args the constructor arguments
	 * @return the new instance
	 * @throws Throwable what the constructor threw
	 */
	public Object instantiate(Object[] args) throws Throwable {
		List<Constructor<?>> constructors = List.of(this.type.getDeclaredConstructors());
		List<Constructor<?>> selected = Overloads.select(constructors, Constructor::getParameterTypes, args);
		if (selected.size() != 1) {
			throw new IllegalArgumentException((selected.isEmpty() ? "no constructor of " : "ambiguous constructors of ")
					+ this.type.getName() + " accepts " + Signatures.describeArgs(args));
		}
		Constructor<?> constructor = selected.get(0);
		constructor.setAccessible(true);
		try {
			return constructor.newInstance(args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
