package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;

import io.xoscar.internal.debug.ChainLink;

/**
 * Reads the fields of a frame's body for the {@link FrameCodec}, and its values straight from the
 * stream into the types the receiver expects: the arguments of a call into the chosen overload's
 * parameter types, a result into the type its call expects.
 */
final class FrameValues {

	private FrameValues() {
	}

	static Object readResult(JsonParser parser, DeserializationContext context, AnswerTypes.Expected expected) {
		if (!expected.batch()) {
			return readValue(parser, context, expected.type());
		}
		expect(parser, parser.currentToken() == JsonToken.START_ARRAY, "a list of results");
		List<Object> results = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			results.add(readValue(parser, context, expected.type()));
		}
		return results;
	}

	/** Reads the argument arrays of a batch into the chosen overload's parameter types. */
	static List<Object[]> readCalls(JsonParser parser, DeserializationContext context, RequestTypes.Chosen chosen) {
		expect(parser, parser.currentToken() == JsonToken.START_ARRAY, "a batch");
		List<Object[]> calls = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			calls.add(readArguments(parser, context, chosen));
		}
		return calls;
	}

	/** Reads one call's argument array into the chosen overload's parameter types. */
	static Object[] readArguments(JsonParser parser, DeserializationContext context, RequestTypes.Chosen chosen) {
		expect(parser, parser.currentToken() == JsonToken.START_ARRAY, "an argument array");
		JavaType[] types = chosen.types();
		Object[] args = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			if (parser.nextToken() == JsonToken.END_ARRAY) {
				throw new IllegalArgumentException("call of " + chosen.method() + " has " + i + " arguments");
			}
			args[i] = readArgument(parser, context, types[i], i, chosen);
		}
		if (parser.nextToken() != JsonToken.END_ARRAY) {
			throw new IllegalArgumentException("call of " + chosen.method() + " has more than " + types.length + " arguments");
		}
		return args;
	}

	private static Object readArgument(JsonParser parser, DeserializationContext context, JavaType type, int index,
			RequestTypes.Chosen chosen) {
		try {
			if (parser.currentToken() == JsonToken.VALUE_NULL && type.isPrimitive()) {
				throw new IllegalArgumentException("null for a parameter of type " + type.getRawClass().getName());
			}
			return readValue(parser, context, type);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("argument " + (index + 1) + " of " + chosen.method() + " does not decode into "
					+ type.toCanonical() + ": " + WireReasons.of(ex), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Object readValue(JsonParser parser, DeserializationContext context, JavaType type) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		if (type.getRawClass() == byte[].class && parser.currentToken() == JsonToken.START_OBJECT) {
			byte[] bytes = Attachments.resolve(context.readTree(parser),
					(List<byte[]>) Objects.requireNonNullElse(context.getAttribute(FrameCodec.ATTACHMENTS), List.of()));
			if (bytes == null) {
				throw new IllegalArgumentException("an object where bytes were expected");
			}
			return bytes;
		}
		return readScalarOrValue(parser, context, type);
	}

	/**
	 * Common scalars straight from the token (a generic value read looks its deserializer up each
	 * time, which shows in a batch of a thousand longs); anything else through Jackson.
	 */
	static Object readScalarOrValue(JsonParser parser, DeserializationContext context, JavaType type) {
		Class<?> raw = type.getRawClass();
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			if (raw == long.class || raw == Long.class) {
				return parser.getLongValue();
			}
			if ((raw == int.class || raw == Integer.class) && parser.getNumberType() == JsonParser.NumberType.INT) {
				return parser.getIntValue();
			}
		}
		else if (token == JsonToken.VALUE_STRING && raw == String.class) {
			return parser.getString();
		}
		else if (token == JsonToken.VALUE_NUMBER_FLOAT && (raw == double.class || raw == Double.class)) {
			return parser.getDoubleValue();
		}
		else if ((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
				&& (raw == boolean.class || raw == Boolean.class)) {
			return token == JsonToken.VALUE_TRUE;
		}
		return context.readValue(parser, type);
	}

	static List<String> readSignature(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_ARRAY) {
			expect(parser, parser.currentToken() == JsonToken.VALUE_NULL, "a signature");
			return null;
		}
		List<String> signature = new ArrayList<>();
		while (parser.nextToken() == JsonToken.VALUE_STRING) {
			signature.add(parser.getString());
		}
		expect(parser, parser.currentToken() == JsonToken.END_ARRAY, "the end of the signature");
		return signature;
	}

	static Map<String, String> readHeaders(JsonParser parser) {
		Map<String, String> headers = new HashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			headers.put(name, nextString(parser));
		}
		expect(parser, parser.currentToken() == JsonToken.END_OBJECT, "the end of the headers");
		return headers;
	}

	static List<ChainLink> readChain(JsonParser parser) {
		List<ChainLink> chain = new ArrayList<>();
		while (parser.nextToken() == JsonToken.START_ARRAY) {
			String address = nextString(parser);
			String uid = nextString(parser);
			String method = nextString(parser);
			long holder = nextLong(parser);
			expect(parser, parser.nextToken() == JsonToken.END_ARRAY, "the end of a chain link");
			chain.add(new ChainLink(address, uid, method, holder));
		}
		expect(parser, parser.currentToken() == JsonToken.END_ARRAY, "the end of the chain");
		return chain;
	}

	static String nextString(JsonParser parser) {
		expect(parser, parser.nextToken() == JsonToken.VALUE_STRING, "a string");
		return parser.getString();
	}

	static int nextInt(JsonParser parser) {
		expect(parser, parser.nextToken() == JsonToken.VALUE_NUMBER_INT, "an integer");
		return parser.getIntValue();
	}

	static long nextLong(JsonParser parser) {
		expect(parser, parser.nextToken() == JsonToken.VALUE_NUMBER_INT, "an integer");
		return parser.getLongValue();
	}

	static String nextNullableString(JsonParser parser) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(parser, token == JsonToken.VALUE_STRING, "a string");
		return parser.getString();
	}

	static void expect(JsonParser parser, boolean condition, String what) {
		if (!condition) {
			throw new IllegalArgumentException("malformed frame: expected " + what + ", found " + parser.currentToken());
		}
	}

}
