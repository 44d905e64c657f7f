package io.xoscar.internal.transport;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.PeerCredentials;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection accepted on a node's Unix socket: it asks the kernel which
 * user the connecting process runs as ({@code SO_PEERCRED}) and closes the connection, before
 * anything of it is read, when that is not this process's user. Then it leaves the pipeline, so
 * frames pay nothing for it. Refusals are logged at most once a minute per user id.
 * <p>
 * The credentials come from the native channel's {@code peerCredentials()} (epoll's
 * {@code EpollDomainSocketChannel}, which reactor-netty uses on Linux; kqueue's and io_uring's
 * domain socket channels have the same method), found once per channel class: the native transport
 * is a runtime dependency only. A channel without it is refused: the check fails closed.
 */
@ChannelHandler.Sharable
final class PeerCredentialsCheck extends ChannelInboundHandlerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(PeerCredentialsCheck.class);

	private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

	/** More distinct user ids than this and the times are forgotten (then logged again). */
	private static final int MAX_REMEMBERED = 256;

	/** Each channel class's {@code peerCredentials()}, or {@code null}. */
	private static final ClassValue<Method> PEER_CREDENTIALS = new ClassValue<>() {
		@Override
		protected Method computeValue(Class<?> type) {
			try {
				Method method = type.getMethod("peerCredentials");
				return PeerCredentials.class.equals(method.getReturnType()) ? method : null;
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}
	};

	private final int uid;

	private final String nodeAddress;

	private final Rejections rejections;

	/** When a refusal of each user id was last logged (nanoTime). */
	private final Map<Integer, Long> lastLogged = new ConcurrentHashMap<>();

	/**
	 * @param uid this process's user id: only connections of that user are accepted
	 * @param nodeAddress the node, for the log
	 * @param rejections counts each refusal (this check logs it)
	 */
	PeerCredentialsCheck(int uid, String nodeAddress, Rejections rejections) {
		this.uid = uid;
		this.nodeAddress = nodeAddress;
		this.rejections = rejections;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		int peer = peerUid(ctx.channel());
		if (peer == this.uid && this.uid >= 0) {
			ctx.pipeline().remove(this);
			ctx.fireChannelActive();
			return;
		}
		ctx.close();
		this.rejections.count(RejectReason.OTHER_USER);
		logRefusal(peer);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		// only until the check: a refused connection's bytes are dropped unread
		ReferenceCountUtil.release(message);
	}

	/** @return the connecting process's user id, or -1 when it cannot be known (then refused) */
	private static int peerUid(Channel channel) {
		Method peerCredentials = PEER_CREDENTIALS.get(channel.getClass());
		if (peerCredentials == null) {
			logger.debug("No peer credentials on a {}", channel.getClass().getName());
			return -1;
		}
		try {
			return ((PeerCredentials) peerCredentials.invoke(channel)).uid();
		}
		catch (Exception ex) {
			logger.debug("Cannot read the peer credentials of {}", channel, ex);
			return -1;
		}
	}

	private void logRefusal(int peer) {
		long now = System.nanoTime();
		Long last = this.lastLogged.get(peer);
		if (last != null && now - last < LOG_INTERVAL_NANOS) {
			return;
		}
		if (this.lastLogged.size() >= MAX_REMEMBERED) {
			this.lastLogged.clear();
		}
		this.lastLogged.put(peer, now);
		if (peer < 0) {
			logger.warn("Refused a connection to the Unix socket of node {}: the user of the connecting process "
					+ "cannot be known, and only processes of user {} are accepted", this.nodeAddress, this.uid);
		}
		else {
			logger.warn("Refused a connection to the Unix socket of node {} from a process of user id {}: only "
					+ "processes of user {} are accepted (further refusals of user {} are logged at most once a "
					+ "minute)", this.nodeAddress, peer, this.uid, peer);
		}
	}

}
