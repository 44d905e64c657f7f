package io.xoscar.exception;

/**
 * The actor has no method of that name, or none that accepts the given arguments.
 */
public class NoSuchActorMethodException extends XoscarException {

	public NoSuchActorMethodException(String message) {
		super(message);
	}
}
