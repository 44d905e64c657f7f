package io.xoscar.internal.transport;

/**
 * A request frame whose arguments do not decode into the chosen overload's types. The frame itself
 * is intact (its length framed it), so the caller gets an error answer and the connection stays.
 */
final class UndecodableArgumentsException extends IllegalArgumentException {

	private final int op;

	private final long id;

	UndecodableArgumentsException(int op, long id, String message, Throwable cause) {
		super(message, cause);
		this.op = op;
		this.id = id;
	}

	int op() {
		return this.op;
	}

	long id() {
		return this.id;
	}

}
