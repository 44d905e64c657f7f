package io.xoscar.internal.pool;

import io.xoscar.internal.debug.DebugEvent;

/**
 * How a node's deadlock detection reaches the other processes of the node: its parent (for a
 * process pool's node) or its process pools (for the node that started them).
 */
interface ProcessLinks {

	/** @return this node's address */
	String address();

	/** @return the address of this node's parent, or {@code null} for a node that is no process pool */
	String parent();

	/**
	 * Tells another node of this node's family, without waiting for an answer.
	 * @param node its address
	 * @param event what to tell
	 */
	void send(String node, DebugEvent event);

	/** @return whether a node address is this node's or one of its process pools' */
	boolean inFamily(String node);

	/** @return the index of the pool at this address (one of this node's), or 0 */
	int poolIndex(String address);

}
