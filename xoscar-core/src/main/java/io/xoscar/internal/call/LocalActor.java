package io.xoscar.internal.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Flux;

import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.debug.ChainLink;

/**
 * An actor of this JVM, as a transport serving remote callers sees it.
 */
public interface LocalActor extends CallTarget {

	ActorClassInfo info();

	/**
	 * @return the address of the actor's own pool
	 */
	String poolAddress();

	/**
	 * Calls an already resolved method.
	 * @param target the method
	 * @param args its arguments
	 * @param reply whether the caller waits for the result (else errors are logged)
	 * @param chain the call chain that came with the request from another process, or {@code null}
	 * @param caller who made the call, for alerts (described by its {@code toString}, or a
	 * {@link ChainLink}), or {@code null} for a caller on the current thread
	 * @param observed what the request carried of its caller's observation, or {@code null}
	 * @return the result, or a completed future for a tell
	 */
	CompletableFuture<Object> invoke(Invocable target, Object[] args, boolean reply, List<ChainLink> chain,
			Object caller, CallerObservation observed);

	/**
	 * Streams an already resolved method, for a caller in another process (bounded by that caller).
	 * @param target the method
	 * @param args its arguments
	 * @param chain the call chain that came with the request, or {@code null}
	 * @param caller who made the call, for alerts, or {@code null}
	 * @param observed what the request carried of its caller's observation, or {@code null}
	 * @return the items; demand that arrives on a transport's thread is served on the actor's pool
	 */
	Flux<Object> stream(Invocable target, Object[] args, List<ChainLink> chain, Object caller,
			CallerObservation observed);

	/**
	 * A batch whose calls were already resolved (or go to a batch implementation).
	 * @param method the method name
	 * @param targets the overload each call binds to, or {@code null} to resolve them here
	 * @param calls the arguments of each call
	 * @param reply whether the caller waits for the results
	 * @param caller who made it, as the request says (for alerts and the call graph), or
	 * {@code null} for the current thread
	 * @param observed what the request carried of its caller's observation, or {@code null}
	 * @return the results
	 */
	CompletableFuture<List<Object>> batch(String method, List<Invocable> targets, List<Object[]> calls, boolean reply,
			Object caller, CallerObservation observed);

	/**
	 * @param method a method name
	 * @return "actor 'uid' (Class) method m at address", for messages
	 */
	String describe(String method);

}
