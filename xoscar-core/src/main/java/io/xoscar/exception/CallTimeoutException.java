package io.xoscar.exception;

/**
 * A caller gave up waiting for the result of an actor call.
 */
public class CallTimeoutException extends XoscarException {

	public CallTimeoutException(String message) {
		super(message);
	}
}
