package io.xoscar.internal.transport;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * The connecting side of the {@link Handshake}, first handler of a node's own connection. With a
 * token: answers the peer's challenge with this node's proof, checks the peer's, then tells the
 * {@link Outcome} (which greets with the Hello) and removes itself. Without one: only looks at the
 * first bytes, and fails the connection if the peer starts a handshake (it expects a token), else
 * removes itself at once. Every failure says why in terms of the settings to change.
 */
final class ClientHandshake extends ByteToMessageDecoder {

	private static final String SAME_TOKEN = "set the same xoscar.security.token (ActorSystemConfig.builder().token(..))"
			+ " on both";

	/** What becomes of the connection. */
	interface Outcome {

		/** The peer proved it knows the token (or none is used); called before frames are read. */
		void authenticated(Channel channel);

		/** The connection fails with this reason; it is closed right after. */
		void failed(String reason);

	}

	private final Authentication authentication;

	private final byte[] address;

	private final String peer;

	private final Outcome outcome;

	private Handshake.Transcript transcript;

	private ScheduledFuture<?> timeout;

	private boolean done;

	ClientHandshake(Authentication authentication, byte[] address, String peer, Outcome outcome) {
		this.authentication = authentication;
		this.address = address;
		this.peer = peer;
		this.outcome = outcome;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		if (this.authentication.authenticated()) {
			long millis = this.authentication.timeout().toMillis();
			this.timeout = context.executor().schedule(() -> fail(context, "the node at " + this.peer
					+ " did not complete the token handshake within " + millis + " ms"), millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
		if (this.done) {
			in.skipBytes(in.readableBytes());
			return;
		}
		if (!this.authentication.authenticated()) {
			sniff(context, in);
			return;
		}
		if (this.transcript == null && !Handshake.startsWithMagic(in)) {
			in.skipBytes(in.readableBytes());
			fail(context, "the node at " + this.peer + " does not authenticate connections; this node has a token: "
					+ SAME_TOKEN);
			return;
		}
		Handshake.Message message;
		try {
			message = (this.transcript == null) ? Handshake.read(in, Handshake.CHALLENGE)
					: Handshake.read(in, Handshake.ACCEPT, Handshake.REJECT);
		}
		catch (Handshake.Malformed ex) {
			in.skipBytes(in.readableBytes());
			fail(context, "the node at " + this.peer + " broke the token handshake: " + ex.getMessage());
			return;
		}
		if (message == null) {
			return;
		}
		if (message.kind() == Handshake.CHALLENGE) {
			answer(context, message);
		}
		else if (message.kind() == Handshake.REJECT) {
			in.skipBytes(in.readableBytes());
			fail(context, "the node at " + this.peer + " refused this node's token: " + SAME_TOKEN);
		}
		else if (!Handshake.matches(this.transcript.serverProof(this.authentication.key()), message.proof())) {
			in.skipBytes(in.readableBytes());
			fail(context, "the node at " + this.peer + " could not prove it knows the token: " + SAME_TOKEN);
		}
		else {
			end();
			this.outcome.authenticated(context.channel());
			// what else arrived (the peer's Hello) goes to the frame decoder
			context.pipeline().remove(this);
		}
	}

	private void answer(ChannelHandlerContext context, Handshake.Message challenge) {
		byte[] nonce = this.authentication.nonce();
		this.transcript = new Handshake.Transcript(challenge.nonce(), challenge.address(), nonce, this.address);
		context.writeAndFlush(Handshake.response(context.alloc(), nonce, this.address,
				this.transcript.clientProof(this.authentication.key())));
	}

	/** Without a token: a peer that starts a handshake expects one; anything else is left to the frames. */
	private void sniff(ChannelHandlerContext context, ByteBuf in) {
		if (!Handshake.startsWithMagic(in)) {
			this.done = true;
			context.pipeline().remove(this);
		}
		else if (in.readableBytes() >= Handshake.MAGIC.length) {
			in.skipBytes(in.readableBytes());
			fail(context, "the node at " + this.peer + " requires a token and this node has none: " + SAME_TOKEN);
		}
	}

	private void fail(ChannelHandlerContext context, String reason) {
		if (this.done) {
			return;
		}
		end();
		this.outcome.failed(reason);
		context.close();
	}

	private void end() {
		this.done = true;
		if (this.timeout != null) {
			this.timeout.cancel(false);
		}
	}

	/** The connection closed: what arrived before is read first (a reject is followed by the close). */
	@Override
	protected void decodeLast(ChannelHandlerContext context, ByteBuf in, List<Object> out) throws Exception {
		super.decodeLast(context, in, out);
		if (this.authentication.authenticated()) {
			fail(context, "the node at " + this.peer + " closed the connection during the token handshake");
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		// with TLS 1.3 a refused client certificate shows after the TLS handshake, on the first read
		String tlsFailure = TlsFailures.dialed(this.peer, cause);
		fail(context, (tlsFailure != null) ? tlsFailure
				: "the token handshake with the node at " + this.peer + " failed: " + Transport.rootMessage(cause));
	}

}
