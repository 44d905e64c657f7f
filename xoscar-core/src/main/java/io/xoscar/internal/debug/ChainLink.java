package io.xoscar.internal.debug;

/**
 * One stateful actor of a call chain as it travels between processes: the actor, the method it
 * runs, and the id of its call (so that the node holding the actor can tell whether that call still
 * holds it and waits).
 *
 * @param address the actor's pool address
 * @param uid the actor's uid
 * @param method the method the actor runs
 * @param holder the id of the call that holds the actor's lock
 */
public record ChainLink(String address, String uid, String method, long holder) {
}
