package io.xoscar.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.xoscar.internal.call.CallRouter;

/**
 * Encodes frames as CBOR (binary JSON: byte arrays travel as raw bytes, not base64) and decodes
 * payloads into the types the receiver asks for. Nothing on the wire names a class to instantiate:
 * there is no polymorphic typing; values are decoded into declared parameter or return types.
 */
public final class Wire {

	private final CBORMapper mapper;

	/**
	 * @param router the router handles decoded from the wire are bound to
	 */
	public Wire(Supplier<CallRouter> router) {
		CBORFactory factory = CBORFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
		this.mapper = CBORMapper.builder(factory)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(new HandleModule(router))
			.addModule(new FrameModule())
			.build();
	}

	/**
	 * @param allocator where the buffer comes from
	 * @param frame the frame
	 * @return the frame with its 4-byte length prefix
	 * @throws tools.jackson.core.JacksonException if a value cannot be serialized
	 */
	ByteBuf encode(ByteBufAllocator allocator, Outbound frame) {
		ByteBuf buffer = allocator.buffer(256 + binarySize(frame.payload()));
		try {
			buffer.writeInt(0);
			try (OutputStream out = new ByteBufOutputStream(buffer)) {
				this.mapper.writeValue(out, frame);
			}
			buffer.setInt(0, buffer.readableBytes() - 4);
			return buffer;
		}
		catch (IOException | RuntimeException ex) {
			buffer.release();
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	/**
	 * @param frame a frame without its length prefix
	 * @return the decoded frame
	 * @throws tools.jackson.core.JacksonException if it is malformed
	 */
	Inbound decode(ByteBuf frame) {
		if (frame.hasArray()) {
			return this.mapper.readValue(frame.array(), frame.arrayOffset() + frame.readerIndex(), frame.readableBytes(),
					Inbound.class);
		}
		return this.mapper.readValue((InputStream) new ByteBufInputStream(frame), Inbound.class);
	}

	/** Room for the byte arrays of a payload, so that encoding a large one never regrows the buffer. */
	private static int binarySize(Object payload) {
		long size = 0;
		if (payload instanceof byte[] bytes) {
			size = bytes.length;
		}
		else if (payload instanceof Object[] values) {
			for (Object value : values) {
				if (value instanceof byte[] bytes) {
					size += bytes.length + 16;
				}
			}
		}
		return (int) Math.min(size, Integer.MAX_VALUE - 1024);
	}

	JavaType type(Type type) {
		return this.mapper.getTypeFactory().constructType(type);
	}

	Object convert(JsonNode node, JavaType type) {
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
