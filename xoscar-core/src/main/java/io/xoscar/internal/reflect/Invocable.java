package io.xoscar.internal.reflect;

/**
 * What one call runs: an actor method, or a batch implementation standing in for a method it
 * batches.
 */
public interface Invocable {

	/**
	 * @param actor the actor instance
	 * @param args the call's arguments
	 * @return a value, a {@code CompletionStage} or a {@code Mono}
	 * @throws Throwable what the actor code threw
	 */
	Object invoke(Object actor, Object[] args) throws Throwable;

	/**
	 * @return whether the call may run without the actor lock
	 */
	boolean noLock();

	/**
	 * @return the method name as the caller used it
	 */
	String name();

	/**
	 * @return where its calls are counted for metrics: the index of its name among its class's
	 * {@link ActorClassInfo#methodNames() method names} (overloads share it)
	 */
	int meterIndex();

	/**
	 * @return the slow-call threshold and call timeout the method declares
	 */
	CallLimits limits();

}
