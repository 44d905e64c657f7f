package io.xoscar.exception;

/**
 * A call would wait on a stateful actor that is already waiting on it (a call cycle).
 */
public class DeadlockException extends XoscarException {

	public DeadlockException(String message) {
		super(message);
	}
}
