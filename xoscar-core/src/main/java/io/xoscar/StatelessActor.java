package io.xoscar;

/**
 * A stateless actor: calls run concurrently, up to the thread count of its pool. Use it for pure
 * work (hashing, parsing, pre-processing) or state that is itself thread-safe.
 */
public abstract class StatelessActor extends AbstractActor {

}
