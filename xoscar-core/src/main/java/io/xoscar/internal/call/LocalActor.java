package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;

import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.Invocable;

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
	 * @return the result, or a completed future for a tell
	 */
	CompletableFuture<Object> invoke(Invocable target, Object[] args, boolean reply);

	/**
	 * @param method a method name
	 * @return "actor 'uid' (Class) method m at address", for messages
	 */
	String describe(String method);

}
