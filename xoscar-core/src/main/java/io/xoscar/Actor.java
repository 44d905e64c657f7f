package io.xoscar;

/**
 * A stateful actor: it runs one call at a time, so its state needs no locks. An asynchronous method
 * holds the actor until the future it returns completes, unless it is {@link NoLock @NoLock}.
 */
public abstract class Actor extends AbstractActor {

}
