package io.xoscar.exception;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the errors raised by the Xoscar runtime itself (as opposed to exceptions thrown by
 * actor code, which reach the caller as themselves).
 */
public class XoscarException extends RuntimeException {

	public XoscarException(String message) {
		super(message);
	}

	public XoscarException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
