package io.xoscar.internal.transport;

import java.time.Duration;
import java.util.List;

import io.xoscar.config.TransportConfig;
import tools.jackson.databind.JacksonModule;

/**
 * Limits and allow-lists of a {@link Transport}.
 *
 * @param maxFrameBytes the largest frame accepted; a larger one closes its connection
 * @param incompleteFrameMemory the most bytes held for frames still arriving, over all
 * connections; 0 for a quarter of the heap, at most 256 MiB
 * @param frameReadTimeout how long a started frame may receive nothing before its connection closes
 * @param connectTimeout how long connecting to a peer may take
 * @param exceptionPackages packages (besides the JDK's and Xoscar's) whose exception classes a
 * remote error may be rebuilt as
 * @param unixSockets whether to listen on, and connect same-host peers through, Unix domain sockets
 * @param sharedMemoryBytes shared memory per Unix socket connection for large byte arrays, 0 for none
 * @param jacksonModules the application's Jackson modules
 */
public record TransportSettings(int maxFrameBytes, long incompleteFrameMemory, Duration frameReadTimeout,
		Duration connectTimeout, List<String> exceptionPackages,
		boolean unixSockets, int sharedMemoryBytes, List<JacksonModule> jacksonModules) {

	public TransportSettings {
		exceptionPackages = List.copyOf(exceptionPackages);
		jacksonModules = List.copyOf(jacksonModules);
	}

	/** @return the settings a node's configuration gives its transport */
	public static TransportSettings of(TransportConfig config) {
		return new TransportSettings(config.maxFrameSize(), config.incompleteFrameMemory(), config.frameReadTimeout(),
				config.connectTimeout(), config.exceptionPackages(), config.unixSockets(), config.sharedMemory(),
				config.jacksonModules());
	}

}
