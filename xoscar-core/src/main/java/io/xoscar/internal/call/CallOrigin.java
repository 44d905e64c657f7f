package io.xoscar.internal.call;

/**
 * Who made a call that travels to another process, as the callee's alerts name it: the call of an
 * actor (its uid, class, method and pool address) or a thread that runs no actor's call (its name
 * and its node's address). It holds strings the caller has anyway and is described only when an
 * alert needs it.
 *
 * @param uid the calling actor's uid, or {@code null} for a thread
 * @param actorClass the simple name of the calling actor's class, or {@code null} for a thread
 * @param name the method the actor runs, or the thread's name
 * @param address the calling actor's pool address, or the thread's node address
 */
public record CallOrigin(String uid, String actorClass, String name, String address) {

	/**
	 * @param thread the calling thread's name
	 * @param nodeAddress its node's address
	 * @return a thread as the origin of a call
	 */
	public static CallOrigin thread(String thread, String nodeAddress) {
		return new CallOrigin(null, null, thread, nodeAddress);
	}

	/** @return "'uid' (Class).method at address", or "thread name of node address" */
	@Override
	public String toString() {
		if (this.uid == null) {
			return "thread " + this.name + " of node " + this.address;
		}
		return "'" + this.uid + "' (" + this.actorClass + ")." + this.name + " at " + this.address;
	}

}
