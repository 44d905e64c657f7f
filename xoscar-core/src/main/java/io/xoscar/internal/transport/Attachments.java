package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import tools.jackson.databind.JsonNode;

/**
 * Large byte arrays travel outside the CBOR body of a frame: the body holds a reference
 * ({@code {"@xoscar.attachment": i}}) and the bytes follow the body as they are. Sending then
 * copies nothing into the frame (the array is wrapped), and receiving copies each array once, out of
 * the frame. Only byte arrays at the top of a payload (an argument, or a result) are attached;
 * smaller and nested ones stay in the body as CBOR byte strings.
 */
final class Attachments {

	/** Smaller arrays cost less inline than as attachments. */
	static final int THRESHOLD = 64 * 1024;

	private static final String REFERENCE = "@xoscar.attachment";

	private static final List<byte[]> NONE = List.of();

	private Attachments() {
	}

	/**
	 * Replaces the large byte arrays of a frame's payload (a call's or creation's arguments, a
	 * result) by references.
	 * @param frame the frame to send
	 * @param attached receives the arrays, in reference order
	 * @return the frame to write in the body: the same if it has no large arrays
	 */
	static Frame detach(Frame frame, List<byte[]> attached) {
		if (frame instanceof Frame.Call call) {
			Object args = detach(call.args(), attached);
			return (args == call.args()) ? call : call.withArgs((Object[]) args);
		}
		if (frame instanceof Frame.Result result) {
			Object value = detach(result.value(), attached);
			return (value == result.value()) ? result : Frame.Result.of(result.id(), value);
		}
		if (frame instanceof Frame.Items items) {
			Object value = detach(items.items(), attached);
			return (value == items.items()) ? items : Frame.Items.of(items.id(), (Object[]) value);
		}
		if (frame instanceof Frame.Create create) {
			Object args = detach(create.args(), attached);
			return (args == create.args()) ? create : create.withArgs((Object[]) args);
		}
		return frame;
	}

	/**
	 * Replaces the large byte arrays of a payload by references.
	 * @param payload an argument array or a result
	 * @param attached receives the arrays, in reference order
	 * @return the payload to write in the body
	 */
	private static Object detach(Object payload, List<byte[]> attached) {
		if (payload instanceof byte[] bytes && bytes.length >= THRESHOLD) {
			return reference(bytes, attached);
		}
		if (payload instanceof Object[] values) {
			Object[] copy = null;
			for (int i = 0; i < values.length; i++) {
				if (values[i] instanceof byte[] bytes && bytes.length >= THRESHOLD) {
					copy = (copy != null) ? copy : values.clone();
					copy[i] = reference(bytes, attached);
				}
			}
			return (copy != null) ? copy : payload;
		}
		return payload;
	}

	private static Map<String, Integer> reference(byte[] bytes, List<byte[]> attached) {
		attached.add(bytes);
		return Map.of(REFERENCE, attached.size() - 1);
	}

	/**
	 * @param frame the frame after its body
	 * @return the attached arrays, each copied out of the frame
	 */
	static List<byte[]> read(ByteBuf frame) {
		if (!frame.isReadable()) {
			return NONE;
		}
		List<byte[]> attached = new ArrayList<>();
		while (frame.isReadable()) {
			int length = frame.readInt();
			if (length < 0 || length > frame.readableBytes()) {
				throw new IllegalArgumentException("malformed frame: attachment of " + length + " bytes");
			}
			byte[] bytes = new byte[length];
			frame.readBytes(bytes);
			attached.add(bytes);
		}
		return attached;
	}

	/**
	 * @param node a value of the body
	 * @param attached the frame's attachments
	 * @return the attached array the node refers to, or {@code null} if it is no reference
	 */
	static byte[] resolve(JsonNode node, List<byte[]> attached) {
		if (attached.isEmpty() || !node.isObject() || node.size() != 1) {
			return null;
		}
		JsonNode index = node.get(REFERENCE);
		if (index == null || !index.canConvertToInt() || index.intValue() < 0 || index.intValue() >= attached.size()) {
			return null;
		}
		return attached.get(index.intValue());
	}

	static String describe(List<byte[]> attached) {
		return Arrays.toString(attached.stream().mapToInt((bytes) -> bytes.length).toArray());
	}

}
