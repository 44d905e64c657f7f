package io.xoscar.internal.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections a node refused before authentication: logged at most once per
 * {@link #LOG_INTERVAL_NANOS} per peer host (with how many were not logged since), so that a flood
 * does not flood the log, and counted by reason ({@code xoscar.transport.rejected}) when the node has
 * a meter registry.
 */
public final class Rejections {

	/** The name of the counter. */
	public static final String METER = "xoscar.transport.rejected";

	private static final Logger logger = LoggerFactory.getLogger(Rejections.class);

	private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** Peers remembered for the rate limit; more are forgotten all at once (then each logs again). */
	private static final int MAX_PEERS = 4096;

	private final Map<RejectReason, Counter> counters;

	private final Map<String, LogWindow> windows = new ConcurrentHashMap<>();

	/**
	 * @param registry where the counter goes, or {@code null} for none
	 */
	public Rejections(@Nullable MeterRegistry registry) {
		if (registry == null) {
			this.counters = null;
			return;
		}
		this.counters = new EnumMap<>(RejectReason.class);
		for (RejectReason reason : RejectReason.values()) {
			this.counters.put(reason, Counter.builder(METER)
				.tag("reason", reason.tag())
				.description("Connections refused before authentication")
				.register(registry));
		}
	}

	/**
	 * Logs (rate-limited) and counts a refused connection; does not close it.
	 * @param channel the connection
	 * @param reason why
	 * @param detail what happened, for the log
	 */
	public void rejected(Channel channel, RejectReason reason, String detail) {
		count(reason);
		String peer = peerHost(channel.remoteAddress());
		if (this.windows.size() > MAX_PEERS) {
			this.windows.clear();
		}
		long suppressed = this.windows.computeIfAbsent(peer, (key) -> new LogWindow()).admit(System.nanoTime());
		if (suppressed >= 0) {
			logger.warn("Refused a connection from {} ({}): {}{}", peer, reason.tag(), detail,
					(suppressed > 0) ? " (and " + suppressed + " more from there not logged in the last 10 s)" : "");
		}
	}

	/**
	 * Counts a refused connection whose refusal its refuser logs itself.
	 * @param reason why
	 */
	public void count(RejectReason reason) {
		if (this.counters != null) {
			this.counters.get(reason).increment();
		}
	}

	static String peerHost(SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return (inet.getAddress() != null) ? inet.getAddress().getHostAddress() : inet.getHostString();
		}
		return "a Unix socket peer";
	}

	/** One peer's rate limit. */
	private static final class LogWindow {

		private long loggedAt;

		private boolean logged;

		private long suppressed;

		/** @return -1 to stay silent, else how many were suppressed since the last line */
		synchronized long admit(long now) {
			if (this.logged && now - this.loggedAt < LOG_INTERVAL_NANOS) {
				this.suppressed++;
				return -1;
			}
			long count = this.suppressed;
			this.logged = true;
			this.loggedAt = now;
			this.suppressed = 0;
			return count;
		}

	}

}
