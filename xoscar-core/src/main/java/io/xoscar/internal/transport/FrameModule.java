package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes and reads the eight-element frame array field by field: every call goes through here
 * twice, and the generic record support (reflection, a method handle call per record) costs more
 * than the rest of a small call's decoding.
 */
final class FrameModule extends SimpleModule {

	FrameModule() {
		super("xoscar-frames");
		addSerializer(Outbound.class, new OutboundSerializer());
		addDeserializer(Inbound.class, new InboundDeserializer());
	}

	private static final class OutboundSerializer extends StdSerializer<Outbound> {

		OutboundSerializer() {
			super(Outbound.class);
		}

		@Override
		public void serialize(Outbound frame, JsonGenerator generator, SerializationContext context) {
			generator.writeStartArray(frame, 8);
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

		InboundDeserializer() {
			super(Inbound.class);
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
			JsonNode payload = context.readTree(parser);
			ErrorInfo error = null;
			if (parser.nextToken() != JsonToken.VALUE_NULL) {
				error = context.readValue(parser, ErrorInfo.class);
			}
			expect(parser, parser.nextToken() == JsonToken.END_ARRAY, "the end of the frame");
			return new Inbound(op, id, target, uid, name, signature, payload, error, List.of());
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
