package io.xoscar.spring.autoconfigure.dashboard;

import java.time.Duration;

/**
 * The timing of the dashboard's event stream, on both web stacks.
 */
final class DashboardEvents {

	/** How often a snapshot is sent, the first one at once. */
	static final Duration PERIOD = Duration.ofSeconds(1);

	/**
	 * How long one stream lasts before the server ends it; the page's {@code EventSource} then
	 * reconnects. Bounds the work for clients that went away without the server noticing.
	 */
	static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private DashboardEvents() {
	}

}
