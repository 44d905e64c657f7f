package io.xoscar.internal.call;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The nodes running in this JVM by address: calls between them are direct hand-offs.
 * <p>
 * A pool address is {@code host:port} for a node's main pool and {@code host:port/N} for its
 * thread sub pool N.
 */
public final class LocalNodes {

	private static final ConcurrentMap<String, LocalNode> NODES = new ConcurrentHashMap<>();

	private LocalNodes() {
	}

	/**
	 * @param address the node's main address
	 * @param node the node
	 * @throws IllegalStateException if another node of this JVM has the address
	 */
	public static void register(String address, LocalNode node) {
		if (NODES.putIfAbsent(address, node) != null) {
			throw new IllegalStateException("address " + address + " is already used by another actor system in this JVM");
		}
	}

	public static void unregister(String address, LocalNode node) {
		NODES.remove(address, node);
	}

	/**
	 * @param address a pool address
	 * @return the node of this JVM that has the pool, or {@code null}
	 */
	public static LocalNode find(String address) {
		return NODES.get(nodeAddress(address));
	}

	/**
	 * @param address a pool address
	 * @return the address of the node's main pool
	 */
	public static String nodeAddress(String address) {
		int slash = address.indexOf('/');
		return (slash < 0) ? address : address.substring(0, slash);
	}

	/**
	 * @param address a pool address
	 * @return the pool index it names (0 for the main pool)
	 */
	public static int poolIndex(String address) {
		int slash = address.indexOf('/');
		if (slash < 0) {
			return 0;
		}
		try {
			return Integer.parseInt(address.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
