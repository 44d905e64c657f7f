package io.xoscar.internal.call;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The routers of the nodes running in this JVM, by address, for handles that Java serialization
 * decodes: {@code readResolve} has no context to say which node decodes them, so a handle binds to
 * the router of the node that owns its address, and reaches nothing when no node of this JVM does.
 * <p>
 * This is the runtime's one JVM-wide map, forced by Java serialization; nothing else looks here.
 * Handles decoded by a node (over the wire, or by its Jackson module) and handles the API gives
 * use their own node's router.
 */
public final class DeserializedHandles {

	private static final ConcurrentMap<String, CallRouter> ROUTERS = new ConcurrentHashMap<>();

	private DeserializedHandles() {
	}

	/**
	 * @param address a node's main address
	 * @param router its router
	 */
	public static void register(String address, CallRouter router) {
		ROUTERS.putIfAbsent(address, router);
	}

	public static void unregister(String address, CallRouter router) {
		ROUTERS.remove(address, router);
	}

	/**
	 * @param address a pool address
	 * @return the router of the node of this JVM that owns it, else {@link CallRouter#DETACHED}
	 */
	static CallRouter routerFor(String address) {
		return ROUTERS.getOrDefault(PoolAddresses.nodeAddress(address), CallRouter.DETACHED);
	}

}
