package io.xoscar.internal.call;

/**
 * Makes call targets for actors outside this JVM (a transport).
 */
@FunctionalInterface
public interface RemoteTargets {

	/**
	 * @param address the pool address
	 * @param uid the actor uid
	 * @param actorClass the actor class, or {@code null} when unknown
	 * @return the target
	 */
	CallTarget target(String address, String uid, Class<?> actorClass);

}
