package io.xoscar.spring.autoconfigure.actuate.endpoint;

/**
 * An open stream, as the {@code streams} section of the {@code xoscar} endpoint shows it.
 *
 * @param uid the producing actor
 * @param actorClass its class
 * @param pool the id of its pool (its name, with an index when the name is shared)
 * @param method the method streaming
 * @param ageMillis how long the stream has been open, in milliseconds (to about 10 ms)
 * @param items items sent so far
 */
public record StreamDescriptor(String uid, String actorClass, String pool, String method, long ageMillis,
		long items) {
}
