package io.xoscar.exception;

/**
 * The actor pool that should serve a call is not (or no longer) reachable.
 */
public class PoolDownException extends XoscarException {

	public PoolDownException(String message) {
		super(message);
	}

	public PoolDownException(String message, Throwable cause) {
		super(message, cause);
	}
}
