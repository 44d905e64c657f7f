package io.xoscar.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import tools.jackson.core.JsonParser;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.xoscar.internal.call.CallRouter;

/**
 * Encodes frames as CBOR (binary JSON: byte arrays travel as raw bytes, not base64) and decodes
 * payloads into the types the receiver asks for. Nothing on the wire names a class to instantiate:
 * there is no polymorphic typing; values are decoded into declared parameter or return types.
 */
public final class Wire {

	private static final int WRITE_SLICE = 1 << 20;

	/** In place of an attachment's length: the array lies in shared memory (arena id, offset, length follow). */
	static final int SHARED = -1;

	private static final int SHARED_REFERENCE = 4 + 8 + 4 + 4;

	private final CBORMapper mapper;

	private final ObjectWriter frameWriter;

	private final ObjectReader frameReader;

	private final Receiver plain;

	private final SharedMemory sharedMemory;

	/**
	 * @param router the router handles decoded from the wire are bound to
	 */
	public Wire(Supplier<CallRouter> router) {
		this(router, 0, List.of());
	}

	/**
	 * @param router the router handles decoded from the wire are bound to
	 * @param sharedMemoryBytes shared memory per Unix socket connection for large arrays, 0 for none
	 * @param modules the application's Jackson modules (serializers of its own types)
	 */
	public Wire(Supplier<CallRouter> router, int sharedMemoryBytes, List<JacksonModule> modules) {
		this.sharedMemory = new SharedMemory(sharedMemoryBytes);
		CBORFactory factory = CBORFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
		CBORMapper.Builder builder = CBORMapper.builder(factory)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		modules.forEach(builder::addModule);
		this.mapper = builder.addModule(new HandleModule(router))
			.addModule(new FrameModule())
			.build();
		this.frameWriter = this.mapper.writerFor(Frame.class);
		// a frame whose result does not decode is not read to its end: its call fails alone
		this.frameReader = this.mapper.readerFor(Frame.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.plain = new Receiver(this.frameReader);
	}

	/**
	 * @param channel the connection the frame goes to
	 * @param frame the frame
	 * @return the frame, its large arrays placed in the connection's shared memory when it has some
	 * @throws tools.jackson.core.JacksonException if a value cannot be serialized
	 */
	ByteBuf encode(Channel channel, Frame frame) {
		return encode(channel.alloc(), frame, () -> this.sharedMemory.arena(channel));
	}

	ByteBuf encode(ByteBufAllocator allocator, Frame frame) {
		return encode(allocator, frame, () -> null);
	}

	/**
	 * @param allocator where the buffer comes from
	 * @param frame the frame
	 * @param arena where large arrays go, if anywhere
	 * @return the frame: a 4-byte length, a 4-byte body length, the CBOR body, then the attached
	 * byte arrays, each either a 4-byte length and the bytes (wrapped rather than copied) or
	 * {@link #SHARED} and a reference to where it lies in the arena
	 * @throws tools.jackson.core.JacksonException if a value cannot be serialized
	 */
	private ByteBuf encode(ByteBufAllocator allocator, Frame frame, Supplier<SharedArena> arena) {
		List<byte[]> attached = new ArrayList<>(0);
		Frame body = Attachments.detach(frame, attached);
		ByteBuf head = allocator.buffer(256);
		try {
			head.writeInt(0);
			head.writeInt(0);
			try (OutputStream out = new ByteBufOutputStream(head)) {
				this.frameWriter.writeValue(out, body);
			}
			head.setInt(4, head.readableBytes() - 8);
			if (attached.isEmpty()) {
				head.setInt(0, head.readableBytes() - 4);
				return head;
			}
			SharedArena shared = arena.get();
			int[] placed = new int[attached.size()];
			long total = head.readableBytes() - 4;
			int components = 1;
			for (int i = 0; i < placed.length; i++) {
				byte[] bytes = attached.get(i);
				placed[i] = (shared != null) ? shared.place(bytes) : -1;
				total += (placed[i] >= 0) ? SHARED_REFERENCE : 4L + bytes.length;
				components += (placed[i] >= 0) ? 1 : 1 + (bytes.length + WRITE_SLICE - 1) / WRITE_SLICE;
			}
			if (total > Integer.MAX_VALUE) {
				for (int offset : placed) {
					if (offset >= 0) {
						shared.free(offset);
					}
				}
				throw new IllegalArgumentException("a frame of " + total + " bytes is too large");
			}
			head.setInt(0, (int) total);
			if (components == 1 + placed.length) {
				// all in shared memory: the references follow the body in the same buffer
				for (int i = 0; i < placed.length; i++) {
					head.writeInt(SHARED).writeLong(shared.id()).writeInt(placed[i]).writeInt(attached.get(i).length);
				}
				return head;
			}
			CompositeByteBuf whole = allocator.compositeBuffer(components);
			whole.addComponent(true, head);
			for (int i = 0; i < placed.length; i++) {
				byte[] bytes = attached.get(i);
				if (placed[i] >= 0) {
					whole.addComponent(true, allocator.buffer(SHARED_REFERENCE)
						.writeInt(SHARED).writeLong(shared.id()).writeInt(placed[i]).writeInt(bytes.length));
					continue;
				}
				whole.addComponent(true, allocator.buffer(4).writeInt(bytes.length));
				// slices small enough for the pooled direct buffers the socket write copies them into
				for (int offset = 0; offset < bytes.length; offset += WRITE_SLICE) {
					whole.addComponent(true, Unpooled.wrappedBuffer(bytes, offset, Math.min(WRITE_SLICE, bytes.length - offset)));
				}
			}
			return whole;
		}
		catch (IOException | RuntimeException ex) {
			head.release();
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	/**
	 * @param frame a frame without its length prefix
	 * @return the decoded frame, its payload a tree
	 * @throws tools.jackson.core.JacksonException if it is malformed
	 */
	Frame decode(ByteBuf frame) {
		int bodyLength = frame.readInt();
		if (bodyLength < 0 || bodyLength > frame.readableBytes()) {
			throw new IllegalArgumentException(
					"malformed frame: body of " + bodyLength + " bytes in a frame of " + frame.readableBytes());
		}
		ByteBuf body = frame.readSlice(bodyLength);
		return this.plain.decode(body, Attachments.read(frame));
	}

	/**
	 * @param frame a frame as the {@link FrameDecoder} delivers it
	 * @return the decoded frame, its payload a tree
	 */
	Frame decode(ReceivedFrame frame) {
		return this.plain.decode(frame);
	}

	/**
	 * Reads no more of a frame than it takes to tell whether it is a {@link Frame.Hello}: the first
	 * frame of a connection, which must be one.
	 * @param frame a frame as the {@link FrameDecoder} delivers it
	 * @return the Hello, or {@code null} if the frame is none
	 */
	Frame.Hello hello(ReceivedFrame frame) {
		ByteBuf body = frame.body();
		try (JsonParser parser = body.hasArray()
				? this.mapper.createParser(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes())
				: this.mapper.createParser((InputStream) new ByteBufInputStream(body.duplicate()))) {
			return FrameCodec.readHello(parser);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * @param types the overloads requests are for, looked up while they are read
	 * @return what reads the requests a node receives
	 */
	Receiver receiver(RequestTypes types) {
		return new Receiver(this.frameReader.withAttribute(FrameCodec.REQUEST_TYPES, types));
	}

	/**
	 * @param types what the calls waiting on a connection expect
	 * @return what reads the answers that arrive on the connection
	 */
	Receiver receiver(AnswerTypes types) {
		return new Receiver(this.frameReader.withAttribute(FrameCodec.ANSWER_TYPES, types));
	}

	/**
	 * Decodes the frames arriving on one side of connections: with the types that side expects,
	 * bound once, payloads are decoded straight from the stream into them while they are read.
	 */
	static final class Receiver {

		private final ObjectReader reader;

		private Receiver(ObjectReader reader) {
			this.reader = reader;
		}

		/**
		 * @param frame a frame as the {@link FrameDecoder} delivers it
		 * @return the decoded frame
		 * @throws tools.jackson.core.JacksonException if it is malformed
		 * @throws UndecodableArgumentsException if a request's arguments do not decode into the types
		 * of the overload its caller chose
		 */
		Frame decode(ReceivedFrame frame) {
			return decode(frame.body(), frame.attachments());
		}

		private Frame decode(ByteBuf body, List<byte[]> attached) {
			ObjectReader reader = attached.isEmpty() ? this.reader
					: this.reader.withAttribute(FrameCodec.ATTACHMENTS, attached);
			if (body.hasArray()) {
				return reader.readValue(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
			}
			return reader.readValue((InputStream) new ByteBufInputStream(body));
		}

	}

	JavaType listOf(Class<?> element) {
		return this.mapper.getTypeFactory().constructCollectionType(List.class, element);
	}

	JavaType type(Type type) {
		return this.mapper.getTypeFactory().constructType(type);
	}

	Object convert(JsonNode node, JavaType type) {
		return convert(node, type, List.of());
	}

	/**
	 * @param node a value of a frame's body
	 * @param type the type wanted
	 * @param attached the frame's attachments
	 * @return the value
	 */
	Object convert(JsonNode node, JavaType type, List<byte[]> attached) {
		if (type.getRawClass() == byte[].class && node != null) {
			byte[] bytes = Attachments.resolve(node, attached);
			if (bytes != null) {
				return bytes;
			}
		}
		if (node == null || node.isNull()) {
			if (type.isPrimitive()) {
				throw new IllegalArgumentException("null for a parameter of type " + type.getRawClass().getName());
			}
			return null;
		}
		Object scalar = scalar(node, type.getRawClass());
		return (scalar != null) ? scalar : this.mapper.treeToValue(node, type);
	}

	/**
	 * The common scalar cases, converted straight from the node: a tree conversion starts a parser
	 * per value, which dominates small calls and big batches.
	 * @return the value, or {@code null} when the general conversion must decide
	 */
	private static Object scalar(JsonNode node, Class<?> type) {
		if (type == String.class) {
			return node.isString() ? node.stringValue() : null;
		}
		if (type == long.class || type == Long.class) {
			return (node.isIntegralNumber() && node.canConvertToLong()) ? node.longValue() : null;
		}
		if (type == int.class || type == Integer.class) {
			return (node.isIntegralNumber() && node.canConvertToInt()) ? node.intValue() : null;
		}
		if (type == double.class || type == Double.class) {
			return node.isNumber() ? node.doubleValue() : null;
		}
		if (type == boolean.class || type == Boolean.class) {
			return node.isBoolean() ? node.booleanValue() : null;
		}
		if (type == byte[].class) {
			return node.isBinary() ? node.binaryValue() : null;
		}
		return null;
	}

}
