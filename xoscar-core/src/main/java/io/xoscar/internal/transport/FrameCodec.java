package io.xoscar.internal.transport;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

import io.xoscar.exception.WireValueException;
import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.debug.DebugEvent;

import static io.xoscar.internal.transport.FrameValues.expect;
import static io.xoscar.internal.transport.FrameValues.nextInt;
import static io.xoscar.internal.transport.FrameValues.nextLong;
import static io.xoscar.internal.transport.FrameValues.nextNullableString;
import static io.xoscar.internal.transport.FrameValues.readChain;
import static io.xoscar.internal.transport.FrameValues.readHeaders;
import static io.xoscar.internal.transport.FrameValues.readSignature;

/**
 * Writes and reads the body of a {@link Frame}, field by field: every call goes through here twice,
 * and the generic record support (reflection, a method handle call per record) costs more than the
 * rest of a small call's decoding.
 * <p>
 * A {@link Frame.Hello} is an array of its type code and the version, then whatever later versions
 * add. Every other frame is an array of eight elements: type code, request id, pool address, actor
 * uid, method or class name, signature, payload, error; then optional ones that are left out when
 * they and those after them are absent, each null when absent but one after it follows: the call
 * chain, the headers (a map of strings), the caller's origin (an array of four strings: uid, class,
 * method, pool address of the calling actor, or null, null, thread name, node address). A reader of
 * frames without them finds them absent.
 */
final class FrameCodec {

	/** The deserialization attribute holding a frame's attachments, when it has some. */
	static final String ATTACHMENTS = "xoscar.attachments";

	/** The deserialization attribute holding the {@link AnswerTypes} of the connection reading. */
	static final String ANSWER_TYPES = "xoscar.answer-types";

	/** The deserialization attribute holding the {@link RequestTypes} of the node reading. */
	static final String REQUEST_TYPES = "xoscar.request-types";

	private FrameCodec() {
	}

	/**
	 * Reads a frame's first elements only, to tell whether it is a {@link Frame.Hello}.
	 * @param parser a parser at the start of a frame's body
	 * @return the Hello, or {@code null} if the frame is none
	 */
	static Frame.Hello readHello(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_NUMBER_INT
				|| parser.getIntValue() != FrameType.HELLO.code() || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
			return null;
		}
		return hello(parser.getIntValue());
	}

	private static Frame.Hello hello(int version) {
		return (version == Frame.Hello.VERSION) ? Frame.Hello.CURRENT : new Frame.Hello(version);
	}

	static final class Writer extends StdSerializer<Frame> {

		Writer() {
			super(Frame.class);
		}

		@Override
		public void serialize(Frame frame, JsonGenerator generator, SerializationContext context) {
			if (frame instanceof Frame.Call call) {
				int length = optional(call.chain(), call.headers(), call.origin());
				head(generator, call, length, call.id(), call.target(), call.uid(), call.name(), call.signature());
				context.writeValue(generator, call.args());
				generator.writeNull();
				tail(generator, length, call.chain(), call.headers(), call.origin());
			}
			else if (frame instanceof Frame.Batch batch) {
				int length = optional(null, batch.headers(), batch.origin());
				head(generator, batch, length, batch.id(), batch.target(), batch.uid(), batch.name(), batch.signature());
				context.writeValue(generator, batch.calls());
				generator.writeNull();
				tail(generator, length, null, batch.headers(), batch.origin());
			}
			else if (frame instanceof Frame.Result result) {
				answer(generator, result, result.id());
				context.writeValue(generator, result.value());
				generator.writeNull();
			}
			else if (frame instanceof Frame.Error error) {
				answer(generator, error, error.id());
				generator.writeNull();
				context.writeValue(generator, error.error());
			}
			else if (frame instanceof Frame.Hello hello) {
				generator.writeStartArray(hello, 2);
				generator.writeNumber(hello.type().code());
				generator.writeNumber(hello.version());
			}
			else if (frame instanceof Frame.Create create) {
				head(generator, create, 8, create.id(), create.target(), create.uid(), create.name(), null);
				context.writeValue(generator, create.args());
				generator.writeNull();
			}
			else if (frame instanceof Frame.Request request) {
				head(generator, request, 8, request.id(), request.target(), request.uid(), null, null);
				generator.writeNull();
				generator.writeNull();
			}
			else if (frame instanceof Frame.Cancel cancel) {
				answer(generator, cancel, cancel.id());
				generator.writeNull();
				generator.writeNull();
			}
			else if (frame instanceof Frame.Items items) {
				answer(generator, items, items.id());
				context.writeValue(generator, items.items());
				generator.writeNull();
			}
			else if (frame instanceof Frame.Demand demand) {
				answer(generator, demand, demand.id());
				generator.writeNumber(demand.items());
				generator.writeNull();
			}
			else if (frame instanceof Frame.End end) {
				answer(generator, end, end.id());
				generator.writeNull();
				generator.writeNull();
			}
			else if (frame instanceof Frame.Report report) {
				answer(generator, report, 0);
				context.writeValue(generator, report.event());
				generator.writeNull();
			}
			generator.writeEndArray();
		}

		/** @return the length of a frame with these optional elements */
		private static int optional(List<ChainLink> chain, Map<String, String> headers, CallOrigin origin) {
			return (origin != null) ? 11 : (headers != null) ? 10 : (chain != null) ? 9 : 8;
		}

		private static void head(JsonGenerator generator, Frame frame, int length, long id, String target, String uid,
				String name, List<String> signature) {
			generator.writeStartArray(frame, length);
			generator.writeNumber(frame.type().code());
			generator.writeNumber(id);
			writeNullableString(generator, target);
			writeNullableString(generator, uid);
			writeNullableString(generator, name);
			if (signature == null) {
				generator.writeNull();
			}
			else {
				generator.writeStartArray(signature, signature.size());
				for (String type : signature) {
					generator.writeString(type);
				}
				generator.writeEndArray();
			}
		}

		/** Starts a frame that names no actor: an answer, a cancel, a report. */
		private static void answer(JsonGenerator generator, Frame frame, long id) {
			head(generator, frame, 8, id, null, null, null, null);
		}

		private static void tail(JsonGenerator generator, int length, List<ChainLink> chain, Map<String, String> headers,
				CallOrigin origin) {
			if (chain != null) {
				generator.writeStartArray(chain, chain.size());
				for (ChainLink link : chain) {
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
			if (headers != null) {
				generator.writeStartObject(headers, headers.size());
				for (Map.Entry<String, String> header : headers.entrySet()) {
					generator.writeName(header.getKey());
					generator.writeString(header.getValue());
				}
				generator.writeEndObject();
			}
			else if (length > 10) {
				generator.writeNull();
			}
			if (origin != null) {
				generator.writeStartArray(origin, 4);
				writeNullableString(generator, origin.uid());
				writeNullableString(generator, origin.actorClass());
				writeNullableString(generator, origin.name());
				writeNullableString(generator, origin.address());
				generator.writeEndArray();
			}
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

	static final class Reader extends StdDeserializer<Frame> {

		Reader() {
			super(Frame.class);
		}

		@Override
		@SuppressWarnings("unchecked")
		public Frame deserialize(JsonParser parser, DeserializationContext context) {
			expect(parser, parser.currentToken() == JsonToken.START_ARRAY, "a frame array");
			int code = nextInt(parser);
			FrameType type = FrameType.of(code);
			if (type == null) {
				throw new IllegalArgumentException("malformed frame: unknown frame type " + code);
			}
			if (type == FrameType.HELLO) {
				Frame.Hello hello = hello(nextInt(parser));
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					expect(parser, parser.currentToken() != null, "the end of the hello");
					parser.skipChildren();
				}
				return hello;
			}
			long id = nextLong(parser);
			String target = nextNullableString(parser);
			String uid = nextNullableString(parser);
			String name = nextNullableString(parser);
			List<String> signature = readSignature(parser);
			parser.nextToken();
			List<byte[]> attached = (List<byte[]>) context.getAttribute(ATTACHMENTS);
			if (attached == null) {
				attached = List.of();
			}
			RequestTypes.Chosen chosen = null;
			Object payload = null;
			JsonNode tree = null;
			boolean call = type == FrameType.CALL || type == FrameType.TELL || type == FrameType.STREAM;
			if (call || type == FrameType.BATCH || type == FrameType.TELL_BATCH) {
				RequestTypes types = (signature != null) ? (RequestTypes) context.getAttribute(REQUEST_TYPES) : null;
				chosen = (types != null) ? types.choose(target, uid, name, signature) : null;
				if (chosen == null) {
					tree = context.readTree(parser);
				}
				else {
					try {
						payload = call ? FrameValues.readArguments(parser, context, chosen)
								: FrameValues.readCalls(parser, context, chosen);
					}
					catch (IllegalArgumentException ex) {
						throw new UndecodableArgumentsException(type, id, target, uid, name, ex.getMessage(), ex);
					}
				}
			}
			else if (type == FrameType.RESULT || type == FrameType.ITEMS) {
				AnswerTypes answers = (AnswerTypes) context.getAttribute(ANSWER_TYPES);
				AnswerTypes.Expected expected = (answers != null) ? answers.expected(id) : null;
				if (expected == null) {
					tree = context.readTree(parser);
				}
				else {
					try {
						payload = FrameValues.readResult(parser, context, expected);
					}
					catch (RuntimeException ex) {
						// the reader stopped somewhere inside the value: the rest of this frame is not read
						// (its length delimited it, the next frame starts cleanly), its call fails alone
						UndecodableResult failed = new UndecodableResult(ex);
						return (type == FrameType.ITEMS) ? new Frame.Items(id, failed, null, List.of())
								: new Frame.Result(id, failed, null, List.of());
					}
				}
			}
			else if (type == FrameType.DEMAND) {
				expect(parser, parser.currentToken() == JsonToken.VALUE_NUMBER_INT, "a number of items");
				payload = parser.getLongValue();
			}
			else if (type == FrameType.REPORT) {
				try {
					payload = context.readValue(parser, DebugEvent.class);
				}
				catch (RuntimeException ex) {
					// nobody waits for a report: one that does not decode is dropped
					return new Frame.Report(null);
				}
			}
			else if (type == FrameType.CREATE) {
				tree = context.readTree(parser);
			}
			else {
				parser.skipChildren();
			}
			ErrorInfo error = null;
			if (parser.nextToken() != JsonToken.VALUE_NULL) {
				if (type != FrameType.ERROR) {
					parser.skipChildren();
				}
				else {
					try {
						error = context.readValue(parser, ErrorInfo.class);
					}
					catch (RuntimeException ex) {
						// as for a result: the rest of this frame is not read, its call fails alone
						return new Frame.Error(id, new ErrorInfo(WireValueException.class.getName(),
								"the error it answered cannot be decoded: " + WireReasons.of(ex), null, null, null));
					}
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
			switch (type) {
				case CALL:
				case TELL:
				case STREAM:
					return new Frame.Call(type, id, target, uid, name, signature,
							(chosen != null) ? payload : tree, (chosen != null) ? chosen.method() : null, attached, chain,
							headers, origin);
				case BATCH:
				case TELL_BATCH:
					return new Frame.Batch(id, type == FrameType.BATCH, target, uid, name, signature,
							(chosen != null) ? payload : tree, (chosen != null) ? chosen.method() : null, attached, headers,
							origin);
				case RESULT:
					return new Frame.Result(id, payload, tree, attached);
				case ERROR:
					return new Frame.Error(id, error);
				case CREATE:
					return new Frame.Create(id, target, uid, name, tree, attached);
				case DESTROY:
					return new Frame.Destroy(id, target, uid);
				case HAS:
					return new Frame.Has(id, target, uid);
				case KILL:
					return new Frame.Kill(id, target, uid);
				case RESOLVE:
					return new Frame.Resolve(id, target, uid);
				case ACTORS:
					return new Frame.Actors(id, target);
				case STATUS:
					return new Frame.Status(id, target);
				case CANCEL:
					return new Frame.Cancel(id);
				case REPORT:
					return new Frame.Report((DebugEvent) payload);
				case ITEMS:
					return new Frame.Items(id, payload, tree, attached);
				case DEMAND:
					return new Frame.Demand(id, (Long) payload);
				case END:
					return new Frame.End(id);
				default:
					throw new IllegalArgumentException("malformed frame: unexpected frame type " + code);
			}
		}

	}

}
