package io.xoscar.config;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a node listens and which pools it runs: part of an {@link ActorSystemConfig}.
 *
 * @param address the main pool's address ({@code host:port}; port 0 picks a free port); the node
 * listens there for other processes and hosts
 * @param advertisedAddress the address other processes and hosts are told to use, when it differs
 * from the bound one ({@code address}, e.g. {@code 0.0.0.0:7700} behind NAT or in a container):
 * {@code host} (the bound port is kept) or {@code host:port}; {@code null} to advertise the bound
 * address. Handles and pool addresses carry it.
 * @param mainPoolThreads threads of the main pool
 * @param pools the sub pool groups, numbered from 1 in order
 * @param processPoolMain what the child JVMs of process pools run: by default a bare node
 */
public record NodeConfig(String address, @Nullable String advertisedAddress, int mainPoolThreads,
		List<PoolConfig> pools, ProcessPoolMain processPoolMain) {

	public NodeConfig {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(processPoolMain, "processPoolMain");
		if (advertisedAddress != null && (advertisedAddress.isBlank() || advertisedAddress.contains("/")
				|| advertisedAddress.startsWith(":") || !validPort(advertisedAddress))) {
			throw new IllegalArgumentException("advertisedAddress must be host or host:port, was '" + advertisedAddress + "'");
		}
		if (mainPoolThreads < 1) {
			throw new IllegalArgumentException("mainPoolThreads must be at least 1, was " + mainPoolThreads);
		}
		pools = List.copyOf(pools);
	}

	private static boolean validPort(String hostAndMaybePort) {
		int colon = hostAndMaybePort.lastIndexOf(':');
		if (colon < 0) {
			return true;
		}
		try {
			int port = Integer.parseInt(hostAndMaybePort.substring(colon + 1));
			return port >= 0 && port <= 65535;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
