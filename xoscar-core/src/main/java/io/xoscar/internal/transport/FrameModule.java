package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import io.xoscar.exception.WireValueException;
import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.ChainLink;

/**
 * Writes and reads the frame array field by field: every call goes through here twice, and the
 * generic record support (reflection, a method handle call per record) costs more than the rest of
 * a small call's decoding. A frame has eight elements, then optional ones that are left out when
 * they and those after them are absent, each null when absent but one after it follows: the call
 * chain, the headers (a map of strings), the caller's origin (an array of four strings: uid, class,
 * method, pool address of the calling actor, or null, null, thread name, node address). A reader of
 * frames without them finds them absent.
 */
final class FrameModule extends SimpleModule {

	/** The deserialization attribute holding a frame's attachments, when it has some. */
	static final String ATTACHMENTS = "xoscar.attachments";

	/** The deserialization attribute holding the {@link AnswerTypes} of the connection reading. */
	static final String ANSWER_TYPES = "xoscar.answer-types";

	FrameModule(Supplier<RequestTypes> requestTypes) {
		super("xoscar-frames");
		addSerializer(Outbound.class, new OutboundSerializer());
		addDeserializer(Inbound.class, new InboundDeserializer(requestTypes));
		addSerializer(Publisher.class, new NotAValue<>(Publisher.class, "a reactive stream"));
		addSerializer(CompletionStage.class, new NotAValue<>(CompletionStage.class, "a future"));
		addSerializer(Future.class, new NotAValue<>(Future.class, "a future"));
	}

	/**
	 * Refuses what is not data but a handle on something still going on in this process: a bean
	 * serializer would write some of its getters and the receiver could not rebuild it.
	 */
	private static final class NotAValue<T> extends StdSerializer<T> {

		private final String what;

		NotAValue(Class<T> type, String what) {
			super(type);
			this.what = what;
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			throw new IllegalArgumentException(value.getClass().getName() + " is " + this.what + " (" + handledType().getName()
					+ "), not a value: it cannot cross to another process; send what it produces instead");
		}

	}

	private static final class OutboundSerializer extends StdSerializer<Outbound> {

		OutboundSerializer() {
			super(Outbound.class);
		}

		@Override
		public void serialize(Outbound frame, JsonGenerator generator, SerializationContext context) {
			int length = (frame.origin() != null) ? 11 : (frame.headers() != null) ? 10 : (frame.chain() != null) ? 9 : 8;
			generator.writeStartArray(frame, length);
			generator.writeNumber(frame.op());
			generator.writeNumber(frame.id());
			writeNullableString(generator, frame.target());
			writeNullableString(generator, frame.uid());
			writeNullableString(generator, frame.name());
			if (frame.signature() == null) {
				generator.writeNull();
			}
			else {
				generator.writeStartArray(frame.signature(), frame.signature().size());
				for (String type : frame.signature()) {
					generator.writeString(type);
				}
				generator.writeEndArray();
			}
			context.writeValue(generator, frame.payload());
			context.writeValue(generator, frame.error());
			if (frame.chain() != null) {
				generator.writeStartArray(frame.chain(), frame.chain().size());
				for (ChainLink link : frame.chain()) {
					generator.writeStartArray(link, 4);
					generator.writeString(link.address());
					generator.writeString(link.uid());
					generator.writeString(link.method());
					generator.writeNumber(link.holder());
					generator.writeEndArray();
				}
				generator.writeEndArray();
			}
			else if (length > 9) {
				generator.writeNull();
			}
			if (frame.headers() != null) {
				generator.writeStartObject(frame.headers(), frame.headers().size());
				for (Map.Entry<String, String> header : frame.headers().entrySet()) {
					generator.writeName(header.getKey());
					generator.writeString(header.getValue());
				}
				generator.writeEndObject();
			}
			else if (length > 10) {
				generator.writeNull();
			}
			CallOrigin origin = frame.origin();
			if (origin != null) {
				generator.writeStartArray(origin, 4);
				writeNullableString(generator, origin.uid());
				writeNullableString(generator, origin.actorClass());
				writeNullableString(generator, origin.name());
				writeNullableString(generator, origin.address());
				generator.writeEndArray();
			}
			generator.writeEndArray();
		}

		private static void writeNullableString(JsonGenerator generator, String value) {
			if (value == null) {
				generator.writeNull();
			}
			else {
				generator.writeString(value);
			}
		}

	}

	private static final class InboundDeserializer extends StdDeserializer<Inbound> {

		private final Supplier<RequestTypes> requestTypes;

		InboundDeserializer(Supplier<RequestTypes> requestTypes) {
			super(Inbound.class);
			this.requestTypes = requestTypes;
		}

		@Override
		public Inbound deserialize(JsonParser parser, DeserializationContext context) {
			expect(parser, parser.currentToken() == JsonToken.START_ARRAY, "a frame array");
			int op = nextInt(parser);
			long id = nextLong(parser);
			String target = nextNullableString(parser);
			String uid = nextNullableString(parser);
			String name = nextNullableString(parser);
			List<String> signature = null;
			if (parser.nextToken() == JsonToken.START_ARRAY) {
				signature = new ArrayList<>();
				while (parser.nextToken() == JsonToken.VALUE_STRING) {
					signature.add(parser.getString());
				}
				expect(parser, parser.currentToken() == JsonToken.END_ARRAY, "the end of the signature");
			}
			else {
				expect(parser, parser.currentToken() == JsonToken.VALUE_NULL, "a signature");
			}
			parser.nextToken();
			RequestTypes types = this.requestTypes.get();
			RequestTypes.Chosen chosen = (signature != null && types != null && isCall(op))
					? types.choose(target, uid, name, signature) : null;
			JsonNode payload = null;
			Object decoded = null;
			AnswerTypes answers = (op == Op.RESULT) ? (AnswerTypes) context.getAttribute(ANSWER_TYPES) : null;
			AnswerTypes.Expected expected = (answers != null) ? answers.expected(id) : null;
			if (expected != null) {
				try {
					decoded = readResult(parser, context, expected);
				}
				catch (RuntimeException ex) {
					// the reader stopped somewhere inside the value: the rest of this frame is not read
					// (its length delimited it, the next frame starts cleanly), its call fails alone
					return new Inbound(op, id, target, uid, name, signature, null, null, List.of(), null,
							new UndecodableResult(ex), null, null, null);
				}
				chosen = null;
			}
			try {
				if (expected != null) {
					// decoded above
				}
				else if (chosen == null) {
					payload = context.readTree(parser);
				}
				else if (op == Op.CALL || op == Op.TELL) {
					decoded = readArguments(parser, context, chosen, name);
				}
				else {
					expect(parser, parser.currentToken() == JsonToken.START_ARRAY, "a batch");
					List<Object[]> calls = new ArrayList<>();
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						calls.add(readArguments(parser, context, chosen, name));
					}
					decoded = calls;
				}
			}
			catch (IllegalArgumentException ex) {
				if (chosen == null) {
					throw ex;
				}
				throw new UndecodableArgumentsException(op, id, target, uid, name, ex.getMessage(), ex);
			}
			ErrorInfo error = null;
			if (parser.nextToken() != JsonToken.VALUE_NULL) {
				try {
					error = context.readValue(parser, ErrorInfo.class);
				}
				catch (RuntimeException ex) {
					if (op != Op.ERROR) {
						throw ex;
					}
					// as for a result: the rest of this frame is not read, its call fails alone
					return new Inbound(op, id, target, uid, name, signature, null, new ErrorInfo(
							WireValueException.class.getName(), "the error it answered cannot be decoded: " + WireReasons.of(ex),
							null, null, null), List.of(), null, null, null, null, null);
				}
			}
			List<ChainLink> chain = null;
			JsonToken next = parser.nextToken();
			if (next == JsonToken.START_ARRAY) {
				chain = readChain(parser);
				next = parser.nextToken();
			}
			else if (next == JsonToken.VALUE_NULL) {
				next = parser.nextToken();
			}
			Map<String, String> headers = null;
			if (next == JsonToken.START_OBJECT) {
				headers = readHeaders(parser);
				next = parser.nextToken();
			}
			else if (next == JsonToken.VALUE_NULL) {
				next = parser.nextToken();
			}
			CallOrigin origin = null;
			if (next == JsonToken.START_ARRAY) {
				origin = new CallOrigin(nextNullableString(parser), nextNullableString(parser), nextNullableString(parser),
						nextNullableString(parser));
				expect(parser, parser.nextToken() == JsonToken.END_ARRAY, "the end of the origin");
				next = parser.nextToken();
			}
			expect(parser, next == JsonToken.END_ARRAY, "the end of the frame");
			return new Inbound(op, id, target, uid, name, signature, payload, error, List.of(),
					(chosen != null) ? chosen.method() : null, decoded, chain, headers, origin);
		}

		private static Map<String, String> readHeaders(JsonParser parser) {
			Map<String, String> headers = new HashMap<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				headers.put(name, nextString(parser));
			}
			expect(parser, parser.currentToken() == JsonToken.END_OBJECT, "the end of the headers");
			return headers;
		}

		private static List<ChainLink> readChain(JsonParser parser) {
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

		private static String nextString(JsonParser parser) {
			expect(parser, parser.nextToken() == JsonToken.VALUE_STRING, "a string");
			return parser.getString();
		}

		private static Object readResult(JsonParser parser, DeserializationContext context, AnswerTypes.Expected expected) {
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

		@SuppressWarnings("unchecked")
		private static Object readValue(JsonParser parser, DeserializationContext context, JavaType type) {
			if (parser.currentToken() == JsonToken.VALUE_NULL) {
				return null;
			}
			if (type.getRawClass() == byte[].class && parser.currentToken() == JsonToken.START_OBJECT) {
				byte[] bytes = Attachments.resolve(context.readTree(parser),
						(List<byte[]>) Objects.requireNonNullElse(context.getAttribute(ATTACHMENTS), List.of()));
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

		private static boolean isCall(int op) {
			return op == Op.CALL || op == Op.TELL || op == Op.BATCH || op == Op.TELL_BATCH;
		}

		/** Reads one call's argument array into the chosen overload's parameter types. */
		private static Object[] readArguments(JsonParser parser, DeserializationContext context, RequestTypes.Chosen chosen,
				String name) {
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

		private static int nextInt(JsonParser parser) {
			expect(parser, parser.nextToken() == JsonToken.VALUE_NUMBER_INT, "an integer");
			return parser.getIntValue();
		}

		private static long nextLong(JsonParser parser) {
			expect(parser, parser.nextToken() == JsonToken.VALUE_NUMBER_INT, "an integer");
			return parser.getLongValue();
		}

		private static String nextNullableString(JsonParser parser) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NULL) {
				return null;
			}
			expect(parser, token == JsonToken.VALUE_STRING, "a string");
			return parser.getString();
		}

		private static void expect(JsonParser parser, boolean condition, String what) {
			if (!condition) {
				throw new IllegalArgumentException("malformed frame: expected " + what + ", found " + parser.currentToken());
			}
		}

	}

}
