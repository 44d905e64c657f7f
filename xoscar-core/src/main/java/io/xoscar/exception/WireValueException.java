package io.xoscar.exception;

/**
 * A value of a call to another process or host (an argument, a result or an exception) could not
 * cross the wire: the sender cannot encode it, or the receiver cannot decode it into the declared
 * type. Only that call fails; the connection and the other calls on it carry on. The message names
 * the actor, the method and the type.
 */
public class WireValueException extends XoscarException {

	public WireValueException(String message) {
		super(message);
	}

	public WireValueException(String message, Throwable cause) {
		super(message, cause);
	}

}
