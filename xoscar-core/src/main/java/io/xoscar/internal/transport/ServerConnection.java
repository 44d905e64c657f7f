package io.xoscar.internal.transport;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection: decodes each request frame and hands it to the {@link RequestHandler}.
 * A malformed or oversized frame closes this connection (with a logged reason) and nothing else.
 */
final class ServerConnection extends SimpleChannelInboundHandler<ReceivedFrame> {

	private static final Logger logger = LoggerFactory.getLogger(ServerConnection.class);

	private final Wire wire;

	private final RequestHandler requests;

	private final Map<Long, CompletableFuture<?>> inflight = new ConcurrentHashMap<>();

	ServerConnection(Wire wire, RequestHandler requests) {
		this.wire = wire;
		this.requests = requests;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, ReceivedFrame frame) {
		Inbound request;
		try {
			request = this.wire.decode(frame);
		}
		catch (UndecodableArgumentsException ex) {
			this.requests.refuse(ex, context.channel());
			return;
		}
		catch (RuntimeException ex) {
			logger.warn("Closing connection from {}: malformed frame ({})", context.channel().remoteAddress(), ex.getMessage());
			context.close();
			return;
		}
		this.requests.handle(request, context.channel(), this.inflight);
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		// the caller is gone: nobody waits for these any more
		this.inflight.values().forEach((call) -> call.cancel(true));
		this.inflight.clear();
		super.channelInactive(context);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		logger.warn("Closing connection from {}: {}", context.channel().remoteAddress(), cause.toString());
		context.close();
	}

}
