package io.xoscar.internal.transport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	Decoding(Wire wire) {
		this.wire = wire;
	}

	record DecodedCall(Invocable target, Object[] args) {
	}

	DecodedCall call(ActorClassInfo info, String name, List<String> signature, JsonNode payload) {
		JsonNode args = arguments(payload);
		List<MethodInfo> overloads = info.overloads(name);
		if (overloads.isEmpty()) {
			BatchMethod batch = info.batchOf(name);
			if (batch == null) {
				throw new NoSuchActorMethodException("actor class " + info.type().getName() + " has no method '" + name + "'");
			}
			Type[] lists = batch.implementation().method().getGenericParameterTypes();
			Type[] elements = Arrays.stream(lists).map(Decoding::elementType).toArray(Type[]::new);
			return new DecodedCall(batch.asSingle(), decode(elements, args, name));
		}
		List<MethodInfo> candidates = new ArrayList<>();
		for (MethodInfo candidate : overloads) {
			if (candidate.parameterTypes().length == args.size()
					&& (signature == null || signature.equals(names(candidate.parameterTypes())))) {
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
				decoded.add(new DecodedCall(candidate, decode(candidate.method().getGenericParameterTypes(), args, name)));
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

	Object[] constructorArguments(Class<?> type, JsonNode payload) {
		JsonNode args = arguments(payload);
		RuntimeException failure = null;
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (constructor.getParameterCount() == args.size()) {
				try {
					return decode(constructor.getGenericParameterTypes(), args, type.getSimpleName());
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		throw new IllegalArgumentException("no constructor of " + type.getName() + " takes " + args.size() + " argument(s)");
	}

	private Object[] decode(Type[] types, JsonNode args, String what) {
		Object[] values = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			try {
				values[i] = this.wire.convert(args.get(i), this.wire.type(types[i]));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("argument " + (i + 1) + " of " + what + " does not decode into "
						+ types[i].getTypeName() + ": " + ex.getMessage(), ex);
			}
		}
		return values;
	}

	static List<String> names(Class<?>[] types) {
		return Arrays.stream(types).map(Class::getName).toList();
	}

	static List<String> signatureOf(Executable executable) {
		return names(executable.getParameterTypes());
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
