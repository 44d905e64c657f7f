package io.xoscar.internal.call;

/**
 * A node (actor system) of this JVM, as the call path sees it.
 */
public interface LocalNode {

	/**
	 * @param address the address of one of this node's pools
	 * @param uid the actor uid
	 * @return the actor
	 * @throws io.xoscar.exception.ActorNotFoundException if it does not live there
	 */
	CallTarget lookup(String address, String uid);

}
