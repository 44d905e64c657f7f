package io.xoscar.exception;

/**
 * Attached as a suppressed exception to an error thrown by actor code: says which actor and method threw it, and where.
 */
public class ActorCallContext extends RuntimeException {

	public ActorCallContext(String message) {
		super(message, null, false, false);
	}
}
