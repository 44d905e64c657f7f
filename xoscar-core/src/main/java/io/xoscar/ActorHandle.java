package io.xoscar;

/**
 * A reference to an actor: a value identified by the address of the actor's pool and its uid.
 * Handles are equal when both match, may be stored, shared between threads and serialized, and keep
 * working when the actor is destroyed and created again with the same uid.
 *
 * @param <T> the actor class, for documentation and typed proxies
 */
public interface ActorHandle<T> {

	/**
	 * @return the address of the pool the actor lives in
	 */
	String address();

	/**
	 * @return the actor's uid
	 */
	String uid();

	/**
	 * Selects one actor method by name; which overload runs is decided by the arguments of each call.
	 * @param name the method name
	 * @return the method, cheap to keep and reuse
	 */
	ActorMethod method(String name);

	/**
	 * Makes a typed proxy: every abstract method of the interface calls the actor method of the same
	 * name and parameter types. Methods returning {@code CompletableFuture}, {@code CompletionStage} or
	 * {@code Mono} are asynchronous; any other return type (and {@code void}) blocks until the call
	 * completes, bounded by the call timeout.
	 * @param <I> the interface type
	 * @param api the interface
	 * @return the proxy
	 * @throws io.xoscar.exception.NoSuchActorMethodException if an interface method has no matching
	 * actor method or an incompatible return type
	 */
	<I> I as(Class<I> api);

}
