package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.DomainSocketChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Splits the byte stream into frames and delivers each as a {@link ReceivedFrame}. A frame is an
 * {@code int} length, an {@code int} body length, the CBOR body, then attached byte arrays (each an
 * {@code int} length and its bytes). Every part is read straight into a buffer of its exact size:
 * the body into a heap buffer parsed from its array, each attachment into the array the receiver
 * gets, so bytes are copied once from the socket and never re-copied by a growing cumulation
 * buffer. An attachment may instead lie in the sender's shared memory ({@link SharedSegments}). A length over the limit, or parts that do not add up, fail the connection.
 */
final class FrameDecoder extends ChannelInboundHandlerAdapter {

	private final int maxFrameBytes;

	private final byte[] number = new byte[16];

	private int numberBytes;

	private int frameRemaining = -1;

	private ByteBuf body;

	private byte[] attachment;

	private int attachmentFilled;

	private List<byte[]> attachments;

	/** Whether the next 16 bytes are a shared memory reference: arena id, offset, length. */
	private boolean sharedReference;

	private SharedSegments sharedSegments;

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
				if (this.frameRemaining < 0) {
					if (readNumber(in)) {
						int length = number();
						if (length < 4 || length > this.maxFrameBytes) {
							throw new TooLongFrameException("frame of " + Integer.toUnsignedString(length)
									+ " bytes is outside the limit of " + this.maxFrameBytes);
						}
						this.frameRemaining = length;
						this.attachments = new ArrayList<>(0);
					}
				}
				else if (this.body == null) {
					if (readNumber(in)) {
						int length = take(number());
						this.body = context.alloc().heapBuffer(length, length);
					}
				}
				else if (this.body.isWritable()) {
					this.body.writeBytes(in, Math.min(in.readableBytes(), this.body.writableBytes()));
				}
				else if (this.sharedReference) {
					if (read(in, 16)) {
						this.sharedReference = false;
						this.attachments.add(sharedSegments(context).take(longAt(0), intAt(8), intAt(12)));
					}
				}
				else if (this.attachment == null) {
					if (readNumber(in)) {
						int length = number();
						if (length == Wire.SHARED) {
							take(16);
							this.sharedReference = true;
						}
						else {
							this.attachment = new byte[take(length)];
							this.attachmentFilled = 0;
						}
					}
				}
				else {
					int count = Math.min(in.readableBytes(), this.attachment.length - this.attachmentFilled);
					in.readBytes(this.attachment, this.attachmentFilled, count);
					this.attachmentFilled += count;
				}
				if (this.attachment != null && this.attachmentFilled == this.attachment.length) {
					this.attachments.add(this.attachment);
					this.attachment = null;
				}
				if (this.body != null && !this.body.isWritable() && this.attachment == null && !this.sharedReference
						&& this.frameRemaining == 0) {
					ReceivedFrame frame = new ReceivedFrame(this.body, this.attachments);
					this.body = null;
					this.attachments = null;
					this.frameRemaining = -1;
					context.fireChannelRead(frame);
				}
			}
		}
		finally {
			in.release();
		}
	}

	/** Reads a 4-byte number, which may arrive split across reads; counts it against the frame. */
	private boolean readNumber(ByteBuf in) {
		if (!read(in, 4)) {
			return false;
		}
		if (this.frameRemaining >= 0) {
			take(4);
		}
		return true;
	}

	/** Reads a few bytes into {@link #number}; they may arrive split across reads. */
	private boolean read(ByteBuf in, int count) {
		while (this.numberBytes < count && in.isReadable()) {
			this.number[this.numberBytes++] = in.readByte();
		}
		if (this.numberBytes < count) {
			return false;
		}
		this.numberBytes = 0;
		return true;
	}

	private int number() {
		return intAt(0);
	}

	private int intAt(int index) {
		return ((this.number[index] & 0xff) << 24) | ((this.number[index + 1] & 0xff) << 16)
				| ((this.number[index + 2] & 0xff) << 8) | (this.number[index + 3] & 0xff);
	}

	private long longAt(int index) {
		return ((long) intAt(index) << 32) | (intAt(index + 4) & 0xffffffffL);
	}

	/** Only a peer of this host shares memory: a reference over TCP is a malformed frame. */
	private SharedSegments sharedSegments(ChannelHandlerContext context) {
		if (this.sharedSegments == null) {
			if (!(context.channel() instanceof DomainSocketChannel)) {
				throw new CorruptedFrameException("shared memory reference on a connection from another host");
			}
			this.sharedSegments = new SharedSegments();
		}
		return this.sharedSegments;
	}

	/** Counts a part against what is left of the frame. */
	private int take(int length) {
		if (length < 0 || length > this.frameRemaining) {
			throw new CorruptedFrameException("frame part of " + Integer.toUnsignedString(length) + " bytes exceeds the "
					+ this.frameRemaining + " bytes left in its frame");
		}
		this.frameRemaining -= length;
		return length;
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		if (this.body != null) {
			this.body.release();
			this.body = null;
		}
		super.channelInactive(context);
	}

}
