package io.xoscar.internal.transport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import io.xoscar.exception.AmbiguousActorMethodException;
import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.BatchMethod;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodInfo;

/**
 * Picks the method (or constructor) a received call is for and decodes its arguments into that
 * method's declared parameter types. The caller's signature, when it sent one, decides between
 * overloads; otherwise the arguments must decode into exactly one overload.
 */
final class Decoding {

	private final Wire wire;

	/** Parameter types per method, made once: they are on every received call's path. */
	private final Map<Method, JavaType[]> parameterTypes = new ConcurrentHashMap<>();

	Decoding(Wire wire) {
		this.wire = wire;
	}

	record DecodedCall(Invocable target, Object[] args) {
	}

	/**
	 * The calls of a batch.
	 * @param targets the overload each call binds to (a batch implementation then takes them all)
	 * @param args the arguments of each call
	 */
	record DecodedBatch(List<Invocable> targets, List<Object[]> args) {
	}

	/**
	 * Decodes a batch; with the caller's signature the overload is picked once for all its calls.
	 */
	DecodedBatch batch(ActorClassInfo info, String name, List<String> signature, JsonNode payload, List<byte[]> attached) {
		List<Object[]> args = new ArrayList<>(payload.size());
		List<Invocable> targets = new ArrayList<>(payload.size());
		MethodInfo chosen = (signature != null) ? bySignature(info, name, signature) : null;
		JavaType[] types = (chosen != null) ? parameterTypes(chosen.method()) : null;
		for (JsonNode call : payload) {
			if (chosen != null && call.isArray() && call.size() == types.length) {
				args.add(decode(types, call, name, attached));
				targets.add(chosen);
			}
			else {
				DecodedCall decoded = call(info, name, null, call, attached);
				args.add(decoded.args());
				targets.add(decoded.target());
			}
		}
		return new DecodedBatch(targets, args);
	}

	static MethodInfo bySignature(ActorClassInfo info, String name, List<String> signature) {
		for (MethodInfo candidate : info.overloads(name)) {
			if (candidate.signature().equals(signature)) {
				return candidate;
			}
		}
		return null;
	}

	DecodedCall call(ActorClassInfo info, String name, List<String> signature, JsonNode payload, List<byte[]> attached) {
		JsonNode args = arguments(payload);
		List<MethodInfo> overloads = info.overloads(name);
		if (overloads.isEmpty()) {
			BatchMethod batch = info.batchOf(name);
			if (batch == null) {
				throw new NoSuchActorMethodException("actor class " + info.type().getName() + " has no method '" + name + "'");
			}
			Type[] lists = batch.implementation().method().getGenericParameterTypes();
			Type[] elements = Arrays.stream(lists).map(Decoding::elementType).toArray(Type[]::new);
			return new DecodedCall(batch.asSingle(), decode(javaTypes(elements), args, name, attached));
		}
		List<MethodInfo> candidates = new ArrayList<>();
		for (MethodInfo candidate : overloads) {
			if (candidate.parameterTypes().length == args.size()
					&& (signature == null || signature.equals(candidate.signature()))) {
				candidates.add(candidate);
			}
		}
		if (candidates.isEmpty()) {
			throw new NoSuchActorMethodException("no method " + info.type().getSimpleName() + "." + name + " takes "
					+ args.size() + " argument(s)" + ((signature != null) ? " of types " + signature : "")
					+ "; candidates: " + overloads);
		}
		List<DecodedCall> decoded = new ArrayList<>(1);
		RuntimeException failure = null;
		for (MethodInfo candidate : candidates) {
			try {
				decoded.add(new DecodedCall(candidate, decode(parameterTypes(candidate.method()), args, name, attached)));
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}
		if (decoded.size() == 1) {
			return decoded.get(0);
		}
		if (decoded.isEmpty()) {
			throw failure;
		}
		throw new AmbiguousActorMethodException("call of " + info.type().getSimpleName() + "." + name
				+ " decodes into several overloads " + candidates
				+ "; call through a handle typed with the actor class so that the caller picks one");
	}

	/**
	 * @return the arguments decoded for the constructor taking as many, or into natural types (maps,
	 * lists, numbers, strings) when there is none: the node's {@link io.xoscar.ActorFactory} decides
	 */
	Object[] constructorArguments(Class<?> type, JsonNode payload, List<byte[]> attached) {
		JsonNode args = arguments(payload);
		RuntimeException failure = null;
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (constructor.getParameterCount() == args.size()) {
				try {
					return decode(javaTypes(constructor.getGenericParameterTypes()), args, type.getSimpleName(), attached);
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		// the node's actor factory may build it without a matching constructor (injection)
		JavaType[] natural = new JavaType[args.size()];
		Arrays.fill(natural, this.wire.type(Object.class));
		return decode(natural, args, type.getSimpleName(), attached);
	}

	JavaType[] parameterTypes(Method method) {
		return this.parameterTypes.computeIfAbsent(method, (key) -> javaTypes(key.getGenericParameterTypes()));
	}

	private JavaType[] javaTypes(Type[] types) {
		JavaType[] javaTypes = new JavaType[types.length];
		for (int i = 0; i < types.length; i++) {
			javaTypes[i] = this.wire.type(types[i]);
		}
		return javaTypes;
	}

	private Object[] decode(JavaType[] types, JsonNode args, String what, List<byte[]> attached) {
		Object[] values = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			try {
				values[i] = this.wire.convert(args.get(i), types[i], attached);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("argument " + (i + 1) + " of " + what + " does not decode into "
						+ types[i].toCanonical() + ": " + ex.getMessage(), ex);
			}
		}
		return values;
	}


	private static JsonNode arguments(JsonNode payload) {
		if (payload == null || !payload.isArray()) {
			throw new IllegalArgumentException("malformed call: arguments must be an array");
		}
		return payload;
	}

	private static Type elementType(Type listType) {
		if (listType instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[0];
		}
		return Object.class;
	}

}
