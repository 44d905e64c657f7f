package io.xoscar.internal.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the accepted TCP connections refused in the TLS handshake (a plaintext peer, an untrusted
 * or missing client certificate, a handshake too slow): at most one line per peer host every
 * {@value #QUIET_MILLIS} ms, so a scanner cannot flood the log. Sits right after the TLS handler
 * of each accepted connection and removes itself once the handshake is done.
 */
@ChannelHandler.Sharable
final class TlsRejections extends ChannelInboundHandlerAdapter {

	static final String NAME = "xoscar-tls-rejections";

	private static final Logger logger = LoggerFactory.getLogger(TlsRejections.class);

	private static final long QUIET_MILLIS = 10_000;

	private static final int MAX_HOSTS = 1024;

	private final String address;

	/** When each peer host was last logged. */
	private final Map<String, Long> logged = new ConcurrentHashMap<>();

	/**
	 * @param address the node's address, for the log
	 */
	TlsRejections(String address) {
		this.address = address;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
		if (event instanceof SslHandshakeCompletionEvent completion) {
			if (completion.isSuccess()) {
				context.pipeline().remove(this);
			}
			else {
				rejected(context.channel().remoteAddress(), completion.cause());
			}
		}
		super.userEventTriggered(context, event);
	}

	private void rejected(SocketAddress peer, Throwable cause) {
		String host = (peer instanceof InetSocketAddress inet) ? inet.getHostString() : String.valueOf(peer);
		long now = System.currentTimeMillis();
		Long last = this.logged.get(host);
		if (last != null && now - last < QUIET_MILLIS) {
			return;
		}
		if (this.logged.size() >= MAX_HOSTS) {
			this.logged.clear();
		}
		this.logged.put(host, now);
		logger.warn("Node {} refused a TLS connection from {}: {}", this.address, peer, TlsFailures.accepted(cause));
	}

}
