package io.xoscar.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JacksonModule;

/**
 * How a node talks to other processes and hosts: part of an {@link ActorSystemConfig}.
 *
 * @param maxFrameSize the largest message (in bytes) accepted from the network; a larger one closes
 * its connection
 * @param incompleteFrameMemory the most bytes the node holds, over all its connections, for messages
 * still arriving (memory is taken as their bytes arrive, not as their length is announced); a
 * message that would exceed it closes its connection, and one larger than it can never arrive; 0
 * for a quarter of this JVM's maximum heap, at most 256 MiB (a process pool's child computes it from
 * its own heap)
 * @param frameReadTimeout how long a message that has started to arrive may go without receiving
 * a byte before it is dropped and its connection closed
 * @param connectTimeout how long connecting to another node may take
 * @param unixSockets whether the node also listens on a Unix domain socket and reaches other nodes
 * of this host through theirs (faster than TCP); off, same-host peers use TCP
 * @param sharedMemory bytes of shared memory (in {@code /dev/shm}) each Unix socket connection may
 * use for byte arrays of 64 KiB and more, which then cross with one copy on each side instead of
 * through the socket; arrays that do not fit at the moment take the socket; 0 turns it off
 * @param exceptionPackages packages of your exception classes: a remote exception of such a class
 * arrives as itself (JDK and Xoscar exceptions always do); others arrive as
 * {@link io.xoscar.exception.RemoteActorException}
 * @param jacksonModules Jackson modules for the application's own types on the wire (serializers,
 * mix-ins); the JDK's types, records and plain classes need none
 */
public record TransportConfig(int maxFrameSize, long incompleteFrameMemory, Duration frameReadTimeout,
		Duration connectTimeout, boolean unixSockets, int sharedMemory, List<String> exceptionPackages,
		List<JacksonModule> jacksonModules) {

	public TransportConfig {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
		}
		if (maxFrameSize < 1024) {
			throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes, was " + maxFrameSize);
		}
		if (incompleteFrameMemory < 0) {
			throw new IllegalArgumentException(
					"incompleteFrameMemory must not be negative (0 for the default), was " + incompleteFrameMemory);
		}
		Durations.positive("frameReadTimeout", frameReadTimeout);
		if (sharedMemory < 0) {
			throw new IllegalArgumentException("sharedMemory must not be negative, was " + sharedMemory);
		}
		exceptionPackages = List.copyOf(exceptionPackages);
		jacksonModules = List.copyOf(jacksonModules);
	}

}
