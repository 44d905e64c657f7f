package io.xoscar.internal.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Flux;

/**
 * Where a handle's calls go once the handle is resolved: an actor cell in this JVM (direct
 * hand-off, arguments passed by reference) or, through a transport, an actor elsewhere.
 */
public interface CallTarget {

	/**
	 * @return whether calls may still be sent here; a handle resolves again when not
	 */
	boolean isValid();

	/**
	 * @return the class of the actor, or {@code null} when not known locally
	 */
	Class<?> actorClass();

	/**
	 * @return the address of the actor's pool
	 */
	String address();

	/**
	 * @param method the method name
	 * @param args the arguments
	 * @param timeout the call's timeout: the future fails with
	 * {@link io.xoscar.exception.CallTimeoutException} after it, and the call is cancelled
	 * @param observed the caller's observation of the call, or {@code null}
	 * @return the result
	 */
	CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed);

	/**
	 * Calls and waits, at most the timeout.
	 * @param method the method name
	 * @param args the arguments
	 * @param timeout the call's timeout
	 * @param observed the caller's observation of the call, or {@code null}
	 * @return the result
	 */
	Object call(String method, Object[] args, Timeout timeout, CallerObservation observed);

	/**
	 * @param method the method name
	 * @param args the arguments
	 * @param observed the caller's observation of the call, or {@code null}
	 * @return completes when the call is handed over
	 */
	CompletableFuture<Void> tell(String method, Object[] args, CallerObservation observed);

	/**
	 * Calls a method that returns a stream, once per subscription: the call lasts until the stream
	 * ends; the subscriber's demand reaches the producer and its cancel disposes it.
	 * @param method the method name
	 * @param args the arguments
	 * @param timeout the longest wait for an item while items are wanted: the stream fails with
	 * {@link io.xoscar.exception.CallTimeoutException} after it, and is cancelled
	 * @param observed the caller's observation of the call, or {@code null}
	 * @return the items
	 */
	Flux<Object> stream(String method, Object[] args, Timeout timeout, CallerObservation observed);

	/**
	 * @param method the method name
	 * @param calls the arguments of each call
	 * @param reply whether the caller wants the results (else errors are logged)
	 * @param timeout the batch's timeout, when the caller wants the results (as {@link #send})
	 * @param observed the caller's observation of the batch, or {@code null}
	 * @return the results, in call order
	 */
	CompletableFuture<List<Object>> batch(String method, List<Object[]> calls, boolean reply, Timeout timeout,
			CallerObservation observed);

}
