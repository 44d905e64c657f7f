package io.xoscar.internal.transport;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JacksonModule;

import io.xoscar.config.TlsConfig;
import io.xoscar.config.TransportConfig;

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
 * @param tls the TLS of TCP connections (served and dialed), {@code null} for plaintext
 */
public record TransportSettings(int maxFrameBytes, long incompleteFrameMemory, Duration frameReadTimeout,
		Duration connectTimeout, List<String> exceptionPackages,
		boolean unixSockets, int sharedMemoryBytes, List<JacksonModule> jacksonModules, @Nullable TlsConfig tls) {

	public TransportSettings {
		exceptionPackages = List.copyOf(exceptionPackages);
		jacksonModules = List.copyOf(jacksonModules);
	}

	/** Settings without TLS. */
	public TransportSettings(int maxFrameBytes, long incompleteFrameMemory, Duration frameReadTimeout,
			Duration connectTimeout, List<String> exceptionPackages, boolean unixSockets, int sharedMemoryBytes,
			List<JacksonModule> jacksonModules) {
		this(maxFrameBytes, incompleteFrameMemory, frameReadTimeout, connectTimeout, exceptionPackages, unixSockets,
				sharedMemoryBytes, jacksonModules, null);
	}

	/**
	 * @param tls the TLS of TCP connections, {@code null} for plaintext
	 * @return a copy with it
	 */
	public TransportSettings withTls(@Nullable TlsConfig tls) {
		return new TransportSettings(this.maxFrameBytes, this.incompleteFrameMemory, this.frameReadTimeout,
				this.connectTimeout, this.exceptionPackages, this.unixSockets, this.sharedMemoryBytes,
				this.jacksonModules, tls);
	}

	/** @return the settings a node's configuration gives its transport */
	public static TransportSettings of(TransportConfig config) {
		return new TransportSettings(config.maxFrameSize(), config.incompleteFrameMemory(), config.frameReadTimeout(),
				config.connectTimeout(), config.exceptionPackages(), config.unixSockets(), config.sharedMemory(),
				config.jacksonModules());
	}

}
