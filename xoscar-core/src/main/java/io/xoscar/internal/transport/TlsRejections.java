package io.xoscar.internal.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Tells the node's {@link Rejections} (logged rate-limited per peer, counted with reason
 * {@code tls}) of the accepted TCP connections refused in the TLS handshake: a plaintext peer, an
 * untrusted or missing client certificate, a handshake too slow. Sits right after the TLS handler
 * of each accepted connection and removes itself once the handshake succeeded.
 */
@ChannelHandler.Sharable
final class TlsRejections extends ChannelInboundHandlerAdapter {

	static final String NAME = "xoscar-tls-rejections";

	private final Rejections rejections;

	TlsRejections(Rejections rejections) {
		this.rejections = rejections;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
		if (event instanceof SslHandshakeCompletionEvent completion) {
			if (completion.isSuccess()) {
				context.pipeline().remove(this);
			}
			else {
				this.rejections.rejected(context.channel(), RejectReason.TLS, TlsFailures.accepted(completion.cause()));
			}
		}
		super.userEventTriggered(context, event);
	}

}
