package io.xoscar.internal.transport;

import tools.jackson.core.JacksonException;

/**
 * Says in one line why a value did not encode or decode: Jackson's message without its location,
 * followed by where in the value it happened.
 */
final class WireReasons {

	private WireReasons() {
	}

	static String of(Throwable error) {
		if (error instanceof JacksonException jackson) {
			String path = jackson.getPathReference();
			String message = jackson.getOriginalMessage();
			return (path == null || path.isEmpty()) ? message : message + " (at " + path + ")";
		}
		String message = RemoteErrors.messageOf(error);
		return (message != null) ? message : error.getClass().getName();
	}

	/** @return the class of a value as the message of a failure names it */
	static String typeOf(Object value) {
		return (value != null) ? value.getClass().getName() : "null";
	}

}
