package io.xoscar.internal.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.DomainSocketChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the byte stream into frames and delivers each as a {@link ReceivedFrame}. A frame is an
 * {@code int} length, an {@code int} body length, the CBOR body, then attached byte arrays (each an
 * {@code int} length and its bytes). An attachment may instead lie in the sender's shared memory
 * ({@link SharedSegments}). A length over the limit, or parts that do not add up, fail the
 * connection.
 * <p>
 * Memory follows the bytes that arrive, never the lengths a peer announces: the body buffer starts
 * at what has arrived and grows with it; an attachment's bytes stay in the buffers they were read
 * into (retained slices) until a quarter of it has arrived, then its array is allocated, the slices
 * are copied in and the rest is read straight into it. Each byte is still copied once from the
 * socket's buffers into the array the receiver gets, never re-copied by a growing cumulation buffer.
 * What a connection holds for its incomplete frame counts against the node's {@link FrameMemory};
 * a frame that would exceed it, or that makes no progress for the read timeout, closes its
 * connection with a logged reason.
 */
final class FrameDecoder extends ChannelInboundHandlerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(FrameDecoder.class);

	/** An attachment's array is allocated once this fraction (1/n) of it has arrived. */
	private static final int ALLOCATE_AT = 4;

	private final int maxFrameBytes;

	private final FrameMemory memory;

	private final long readTimeoutNanos;

	private final byte[] number = new byte[16];

	private int numberBytes;

	/** What is left of the frame's announced length; -1 between frames. */
	private int frameRemaining = -1;

	private int frameLength;

	/** The body's length, -1 until it is known. */
	private int bodyLength = -1;

	private ByteBuf body;

	/** The length of the attachment being read, -1 when none is. */
	private int attachmentLength = -1;

	private int attachmentFilled;

	/** The attachment's array, once allocated. */
	private byte[] attachment;

	/** The attachment's first bytes, in the buffers they were read into, until its array is allocated. */
	private final List<ByteBuf> early = new ArrayList<>(0);

	/** The capacity of the buffers {@link #early} keeps. */
	private long earlyHeld;

	/** The bytes of the frame's finished attachments. */
	private long attachedBytes;

	private List<byte[]> attachments;

	/** Whether the next 16 bytes are a shared memory reference: arena id, offset, length. */
	private boolean sharedReference;

	private SharedSegments sharedSegments;

	/** What this connection holds of {@link #memory}. */
	private long accounted;

	private long lastProgress;

	private ScheduledFuture<?> stallCheck;

	private boolean failed;

	/**
	 * @param maxFrameBytes the largest frame accepted
	 * @param memory the node's memory for frames still arriving
	 * @param readTimeout how long a started frame may make no progress
	 */
	FrameDecoder(int maxFrameBytes, FrameMemory memory, Duration readTimeout) {
		this.maxFrameBytes = maxFrameBytes;
		this.memory = memory;
		this.readTimeoutNanos = readTimeout.toNanos();
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (!(message instanceof ByteBuf in)) {
			context.fireChannelRead(message);
			return;
		}
		try {
			if (!this.failed) {
				decode(context, in);
			}
		}
		catch (RuntimeException ex) {
			this.failed = true;
			releaseFrame();
			throw ex;
		}
		finally {
			in.release();
		}
	}

	private void decode(ChannelHandlerContext context, ByteBuf in) {
		boolean pinned = false;
		while (in.isReadable()) {
			if (this.frameRemaining < 0) {
				if (readNumber(in)) {
					startFrame(number());
				}
			}
			else if (this.bodyLength < 0) {
				if (readNumber(in)) {
					this.bodyLength = take(number());
					if (this.bodyLength == 0) {
						this.body = context.alloc().heapBuffer(0, 0);
					}
				}
			}
			else if (this.body == null || this.body.writerIndex() < this.bodyLength) {
				int count = Math.min(in.readableBytes(), this.bodyLength - ((this.body != null) ? this.body.writerIndex() : 0));
				if (this.body == null) {
					// sized to what has arrived; grows (up to its length) as the rest does
					this.body = context.alloc().heapBuffer(count, this.bodyLength);
				}
				this.body.writeBytes(in, count);
			}
			else if (this.sharedReference) {
				if (read(in, 16)) {
					this.sharedReference = false;
					int length = intAt(12);
					account(held() + Math.max(length, 0));
					this.attachments.add(sharedSegments(context).take(longAt(0), intAt(8), length));
					this.attachedBytes += length;
				}
			}
			else if (this.attachmentLength < 0) {
				if (readNumber(in)) {
					int length = number();
					if (length == Wire.SHARED) {
						take(16);
						this.sharedReference = true;
					}
					else {
						this.attachmentLength = take(length);
						this.attachmentFilled = 0;
					}
				}
			}
			else {
				pinned = readAttachment(in, pinned);
			}
			if (this.attachmentLength >= 0 && this.attachmentFilled == this.attachmentLength) {
				this.attachments.add((this.attachment != null) ? this.attachment : new byte[0]);
				this.attachedBytes += this.attachmentLength;
				this.attachment = null;
				this.attachmentLength = -1;
			}
			if (this.frameRemaining == 0 && this.body != null && this.body.writerIndex() == this.bodyLength
					&& this.attachmentLength < 0 && !this.sharedReference) {
				ReceivedFrame frame = new ReceivedFrame(this.body, this.attachments);
				this.body = null;
				this.attachments = null;
				this.frameRemaining = -1;
				this.bodyLength = -1;
				this.attachedBytes = 0;
				account(0);
				context.fireChannelRead(frame);
			}
		}
		if (this.frameRemaining >= 0 || this.numberBytes > 0) {
			inProgress(context);
		}
	}

	private void startFrame(int length) {
		if (length < 4 || length > this.maxFrameBytes) {
			throw new TooLongFrameException(
					"frame of " + Integer.toUnsignedString(length) + " bytes is outside the limit of " + this.maxFrameBytes);
		}
		if (length > this.memory.limit()) {
			throw new TooLongFrameException("frame of " + length + " bytes is larger than the " + this.memory.limit()
					+ " bytes this node holds for frames still arriving (incomplete-frame-memory)");
		}
		this.frameLength = length;
		this.frameRemaining = length;
		this.attachments = new ArrayList<>(0);
	}

	/**
	 * Reads what has arrived of the current attachment: into its array once a quarter of it is
	 * there, else as a retained slice of the read buffer.
	 * @param pinned whether a slice of this read buffer is kept already
	 * @return whether a slice of this read buffer is kept now
	 */
	private boolean readAttachment(ByteBuf in, boolean pinned) {
		int count = Math.min(in.readableBytes(), this.attachmentLength - this.attachmentFilled);
		if (this.attachment == null && (long) (this.attachmentFilled + count) * ALLOCATE_AT < this.attachmentLength) {
			this.early.add(in.readRetainedSlice(count));
			this.attachmentFilled += count;
			if (!pinned) {
				// the slice keeps the whole read buffer
				this.earlyHeld += in.capacity();
			}
			return true;
		}
		if (this.attachment == null) {
			account(held() - this.earlyHeld + this.attachmentLength);
			this.attachment = new byte[this.attachmentLength];
			int at = 0;
			for (ByteBuf slice : this.early) {
				int length = slice.readableBytes();
				slice.readBytes(this.attachment, at, length);
				slice.release();
				at += length;
			}
			this.early.clear();
			this.earlyHeld = 0;
		}
		in.readBytes(this.attachment, this.attachmentFilled, count);
		this.attachmentFilled += count;
		return pinned;
	}

	/** @return the bytes held for the frame being read */
	private long held() {
		return ((this.body != null) ? this.body.capacity() : 0) + this.attachedBytes + this.earlyHeld
				+ ((this.attachment != null) ? this.attachment.length : 0);
	}

	/** Makes what this connection holds of the node's frame memory {@code bytes}. */
	private void account(long bytes) {
		if (bytes > this.accounted) {
			if (!this.memory.reserve(bytes - this.accounted)) {
				throw new TooLongFrameException("frame of " + this.frameLength + " bytes would take the memory held for frames"
						+ " still arriving on all connections (now " + this.memory.held() + " bytes) beyond its limit of "
						+ this.memory.limit() + " bytes (incomplete-frame-memory)");
			}
		}
		else if (bytes < this.accounted) {
			this.memory.release(this.accounted - bytes);
		}
		this.accounted = bytes;
	}

	/** A frame is under way after this read: its memory is counted, and it must not stall. */
	private void inProgress(ChannelHandlerContext context) {
		account(held());
		this.lastProgress = System.nanoTime();
		if (this.stallCheck == null) {
			this.stallCheck = context.executor()
				.schedule(() -> checkStall(context), this.readTimeoutNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void checkStall(ChannelHandlerContext context) {
		this.stallCheck = null;
		if (this.failed || (this.frameRemaining < 0 && this.numberBytes == 0) || !context.channel().isActive()) {
			return;
		}
		long idle = System.nanoTime() - this.lastProgress;
		if (idle < this.readTimeoutNanos) {
			this.stallCheck = context.executor()
				.schedule(() -> checkStall(context), this.readTimeoutNanos - idle, TimeUnit.NANOSECONDS);
			return;
		}
		logger.warn("Closing connection {}: a frame{} stalled, nothing of it arrived for {} ms (it held {} bytes)",
				peer(context), (this.frameRemaining < 0) ? "" : " of " + this.frameLength + " bytes",
				TimeUnit.NANOSECONDS.toMillis(idle), this.accounted);
		this.failed = true;
		releaseFrame();
		context.close();
	}

	private static String peer(ChannelHandlerContext context) {
		Object address = context.channel().remoteAddress();
		String text = (address != null) ? address.toString() : "";
		return text.isEmpty() ? "from a Unix socket peer" : "with " + text;
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

	/** Lets go of the frame being read and of the memory it holds. */
	private void releaseFrame() {
		if (this.body != null) {
			this.body.release();
			this.body = null;
		}
		for (ByteBuf slice : this.early) {
			slice.release();
		}
		this.early.clear();
		this.earlyHeld = 0;
		this.attachment = null;
		this.attachments = null;
		this.attachedBytes = 0;
		this.memory.release(this.accounted);
		this.accounted = 0;
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		this.failed = true;
		releaseFrame();
		if (this.stallCheck != null) {
			this.stallCheck.cancel(false);
			this.stallCheck = null;
		}
		super.channelInactive(context);
	}

}
