package io.xoscar.internal.transport;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;

/**
 * A frame as the {@link FrameDecoder} delivers it: its CBOR body and the byte arrays that travelled
 * after it, each already in its own array.
 */
final class ReceivedFrame extends AbstractReferenceCounted {

	private final ByteBuf body;

	private final List<byte[]> attachments;

	ReceivedFrame(ByteBuf body, List<byte[]> attachments) {
		this.body = body;
		this.attachments = attachments;
	}

	ByteBuf body() {
		return this.body;
	}

	List<byte[]> attachments() {
		return this.attachments;
	}

	@Override
	protected void deallocate() {
		this.body.release();
	}

	@Override
	public ReceivedFrame touch(Object hint) {
		this.body.touch(hint);
		return this;
	}

}
