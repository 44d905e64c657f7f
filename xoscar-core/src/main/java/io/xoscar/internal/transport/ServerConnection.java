package io.xoscar.internal.transport;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection: greets the peer with this node's {@link Frame.Hello}, refuses a peer
 * whose first frame is not a Hello of the same wire protocol version, then decodes each request
 * frame and hands it to the {@link RequestHandler}. A malformed or oversized frame closes this
 * connection (with a logged reason) and nothing else.
 */
final class ServerConnection extends SimpleChannelInboundHandler<ReceivedFrame> {

	private static final Logger logger = LoggerFactory.getLogger(ServerConnection.class);

	private final Wire wire;

	private final Wire.Receiver receiver;

	private final RequestHandler requests;

	private final Map<Long, CompletableFuture<?>> inflight = new ConcurrentHashMap<>();

	/** Whether the Hello waits until the peer is authenticated ({@link Handshake#AUTHENTICATED}). */
	private final boolean afterHandshake;

	/** Whether this side's Hello is sent; read and written on the connection's event loop only, as is the next. */
	private boolean helloSent;

	/** Whether the peer's Hello arrived. */
	private boolean greeted;

	/** Whether the peer was refused: what else it sent, in the same read, is dropped. */
	private boolean refused;

	/**
	 * @param wire encodes this side's Hello
	 * @param receiver decodes the requests, with the types the node's actors take
	 * @param requests serves them
	 * @param afterHandshake whether a {@link ServerHandshake} comes first: the Hello waits for it
	 */
	ServerConnection(Wire wire, Wire.Receiver receiver, RequestHandler requests, boolean afterHandshake) {
		this.afterHandshake = afterHandshake;
		this.wire = wire;
		this.receiver = receiver;
		this.requests = requests;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		if (context.channel().isActive() && !this.afterHandshake) {
			greet(context);
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext context) throws Exception {
		if (!this.afterHandshake) {
			greet(context);
		}
		super.channelActive(context);
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
		if (event == Handshake.AUTHENTICATED) {
			greet(context);
			return;
		}
		super.userEventTriggered(context, event);
	}

	private void greet(ChannelHandlerContext context) {
		if (this.helloSent) {
			return;
		}
		this.helloSent = true;
		context.writeAndFlush(this.wire.encode(context.channel(), Frame.Hello.CURRENT));
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, ReceivedFrame frame) {
		if (!this.greeted) {
			if (!this.refused) {
				checkHello(context, frame);
			}
			return;
		}
		Frame received;
		try {
			received = this.receiver.decode(frame);
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
		if (received instanceof Frame.Request request) {
			this.requests.handle(request, context.channel(), this.inflight);
		}
		else if (received instanceof Frame.Cancel cancel) {
			this.requests.cancel(cancel, this.inflight);
		}
		else if (received instanceof Frame.Demand demand) {
			this.requests.demand(demand, this.inflight);
		}
		else if (received instanceof Frame.Report report) {
			this.requests.report(report);
		}
		else {
			logger.warn("Closing connection from {}: unexpected {} frame", context.channel().remoteAddress(), received.type());
			context.close();
		}
	}

	/** The first frame must be a Hello of this node's version; else the peer is refused. */
	private void checkHello(ChannelHandlerContext context, ReceivedFrame frame) {
		Frame.Hello hello = this.wire.hello(frame);
		this.refused = hello == null || hello.version() != Frame.Hello.VERSION;
		if (hello == null) {
			logger.warn("Refusing connection from {}: its first frame is not a Hello (this node speaks wire protocol "
					+ "version {})", context.channel().remoteAddress(), Frame.Hello.VERSION);
			context.close();
		}
		else if (hello.version() != Frame.Hello.VERSION) {
			logger.warn("Refusing connection from {}: it speaks wire protocol version {}, this node speaks {}",
					context.channel().remoteAddress(), hello.version(), Frame.Hello.VERSION);
			context.close();
		}
		else {
			this.greeted = true;
		}
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
		// streams hold their caller's credit back while the connection cannot take more bytes
		for (CompletableFuture<?> call : this.inflight.values()) {
			if (call instanceof WireStream stream) {
				stream.writabilityChanged();
			}
		}
		super.channelWritabilityChanged(context);
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
		if (cause instanceof java.io.IOException) {
			// the peer went away (reset, broken pipe): what it had in flight is cancelled when the channel closes
			logger.debug("Connection from {} lost: {}", context.channel().remoteAddress(), cause.getMessage());
		}
		else {
			logger.warn("Closing connection from {}: {}", context.channel().remoteAddress(), cause.toString());
		}
		context.close();
	}

}
