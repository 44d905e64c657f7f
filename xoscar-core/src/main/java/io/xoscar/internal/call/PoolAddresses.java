package io.xoscar.internal.call;

/**
 * What a pool address says: {@code host:port} for a node's main pool and {@code host:port/N} for its
 * thread sub pool N.
 */
public final class PoolAddresses {

	private PoolAddresses() {
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
