package io.xoscar.internal.transport;

import java.time.Duration;
import java.util.List;

/**
 * Limits and allow-lists of a {@link Transport}.
 *
 * @param maxFrameBytes the largest frame accepted; a larger one closes its connection
 * @param connectTimeout how long connecting to a peer may take
 * @param exceptionPackages packages (besides the JDK's and Xoscar's) whose exception classes a
 * remote error may be rebuilt as
 * @param unixSockets whether to listen on, and connect same-host peers through, Unix domain sockets
 */
public record TransportSettings(int maxFrameBytes, Duration connectTimeout, List<String> exceptionPackages,
		boolean unixSockets) {

	public TransportSettings {
		exceptionPackages = List.copyOf(exceptionPackages);
	}

}
