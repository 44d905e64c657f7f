package io.xoscar.internal.transport;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * The accepting side of the {@link Handshake}, first handler of an accepted connection of a node
 * with a token: sends the challenge, checks the client's proof, answers with its own proof and
 * removes itself, then tells the handlers after it ({@link Handshake#AUTHENTICATED}, on which
 * {@link ServerConnection} greets). Until then nothing reaches them: anything but a response,
 * a response too big, a wrong proof, no response within the timeout, or more connections in the
 * handshake than the node allows close the connection, logged and counted by {@link Rejections}.
 */
final class ServerHandshake extends ByteToMessageDecoder {

	private final Authentication authentication;

	private final byte[] address;

	private byte[] nonce;

	private ScheduledFuture<?> timeout;

	/** Whether this connection holds a place among those in the handshake. */
	private boolean counted;

	/** Whether the handshake ended, either way; on the connection's event loop only, as the rest. */
	private boolean done;

	ServerHandshake(Authentication authentication, byte[] address) {
		this.authentication = authentication;
		this.address = address;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		if (context.channel().isActive()) {
			challenge(context);
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext context) throws Exception {
		challenge(context);
		super.channelActive(context);
	}

	private void challenge(ChannelHandlerContext context) {
		if (this.nonce != null || this.done) {
			return;
		}
		if (!this.authentication.enterHandshake()) {
			refuse(context, RejectReason.TOO_MANY_PENDING, "more than " + this.authentication.maxPending()
					+ " connections are in the handshake already", -1);
			return;
		}
		this.counted = true;
		this.nonce = this.authentication.nonce();
		long millis = this.authentication.timeout().toMillis();
		this.timeout = context.executor().schedule(() -> refuse(context, RejectReason.TIMEOUT,
				"no handshake within " + millis + " ms", -1), millis, TimeUnit.MILLISECONDS);
		context.writeAndFlush(Handshake.challenge(context.alloc(), this.nonce, this.address));
	}

	@Override
	protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
		if (this.done || this.nonce == null) {
			in.skipBytes(in.readableBytes());
			return;
		}
		Handshake.Message response;
		try {
			response = Handshake.read(in, Handshake.RESPONSE);
		}
		catch (Handshake.Malformed ex) {
			in.skipBytes(in.readableBytes());
			refuse(context, RejectReason.NO_HANDSHAKE, ex.getMessage(), -1);
			return;
		}
		if (response == null) {
			if (in.readableBytes() > Handshake.MAX_MESSAGE_BYTES) {
				in.skipBytes(in.readableBytes());
				refuse(context, RejectReason.NO_HANDSHAKE, "its handshake is too long", -1);
			}
			return;
		}
		Handshake.Transcript transcript = new Handshake.Transcript(this.nonce, this.address, response.nonce(),
				response.address());
		if (!Handshake.matches(transcript.clientProof(this.authentication.key()), response.proof())) {
			in.skipBytes(in.readableBytes());
			refuse(context, RejectReason.BAD_PROOF, "its proof does not match this node's token", Handshake.REJECT_BAD_PROOF);
			return;
		}
		end();
		context.write(Handshake.accept(context.alloc(), transcript.serverProof(this.authentication.key())));
		context.fireUserEventTriggered(Handshake.AUTHENTICATED);
		context.flush();
		// what else arrived goes to the frame decoder: the peer is authenticated
		context.pipeline().remove(this);
	}

	/** Logs and counts the refusal, answers with the code if one is given, and closes. */
	private void refuse(ChannelHandlerContext context, RejectReason reason, String detail, int code) {
		if (this.done) {
			return;
		}
		end();
		this.authentication.rejections().rejected(context.channel(), reason, detail);
		if (code >= 0) {
			context.writeAndFlush(Handshake.reject(context.alloc(), code)).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			context.close();
		}
	}

	private void end() {
		this.done = true;
		if (this.timeout != null) {
			this.timeout.cancel(false);
		}
		if (this.counted) {
			this.counted = false;
			this.authentication.leaveHandshake();
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		// a peer that leaves mid-handshake is not counted: only what the node refuses is
		end();
		super.channelInactive(context);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		end();
		context.close();
	}

}
