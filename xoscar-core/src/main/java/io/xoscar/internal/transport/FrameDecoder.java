package io.xoscar.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Splits the byte stream into frames ({@code int} length, then that many bytes). Once a frame's
 * length is known, its buffer is allocated at its exact size on the heap and filled as bytes arrive,
 * so a large frame is copied once from the socket and parsed straight from its array, with no
 * growing and re-copying of a cumulation buffer. A length over the limit fails the connection.
 */
final class FrameDecoder extends ChannelInboundHandlerAdapter {

	private final int maxFrameBytes;

	private int length = -1;

	private int lengthBytesRead;

	private ByteBuf frame;

	FrameDecoder(int maxFrameBytes) {
		this.maxFrameBytes = maxFrameBytes;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (!(message instanceof ByteBuf in)) {
			context.fireChannelRead(message);
			return;
		}
		try {
			while (in.isReadable()) {
				if (this.frame == null) {
					if (!readLength(in)) {
						return;
					}
					if (this.length < 0 || this.length > this.maxFrameBytes) {
						throw new TooLongFrameException(
								"frame of " + Integer.toUnsignedString(this.length) + " bytes exceeds the limit of " + this.maxFrameBytes);
					}
					this.frame = context.alloc().heapBuffer(this.length, this.length);
				}
				this.frame.writeBytes(in, Math.min(in.readableBytes(), this.frame.writableBytes()));
				if (!this.frame.isWritable()) {
					ByteBuf complete = this.frame;
					this.frame = null;
					this.length = -1;
					this.lengthBytesRead = 0;
					context.fireChannelRead(complete);
				}
			}
		}
		finally {
			in.release();
		}
	}

	/** Reads the 4-byte length, which may arrive split across reads. */
	private boolean readLength(ByteBuf in) {
		if (this.lengthBytesRead == 0 && in.readableBytes() >= 4) {
			this.length = in.readInt();
			this.lengthBytesRead = 4;
			return true;
		}
		while (this.lengthBytesRead < 4 && in.isReadable()) {
			this.length = (this.lengthBytesRead == 0 ? 0 : this.length << 8) | in.readUnsignedByte();
			this.lengthBytesRead++;
		}
		return this.lengthBytesRead == 4;
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		if (this.frame != null) {
			this.frame.release();
			this.frame = null;
		}
		super.channelInactive(context);
	}

}
