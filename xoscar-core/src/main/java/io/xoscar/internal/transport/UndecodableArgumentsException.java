package io.xoscar.internal.transport;

/**
 * A request frame whose arguments do not decode into the chosen overload's types. The frame itself
 * is intact (its length framed it), so the caller gets an error answer and the connection stays.
 */
final class UndecodableArgumentsException extends IllegalArgumentException {

	private final int op;

	private final long id;

	private final String target;

	private final String uid;

	private final String name;

	UndecodableArgumentsException(int op, long id, String target, String uid, String name, String message,
			Throwable cause) {
		super(message, cause);
		this.op = op;
		this.id = id;
		this.target = target;
		this.uid = uid;
		this.name = name;
	}

	int op() {
		return this.op;
	}

	long id() {
		return this.id;
	}

	String target() {
		return this.target;
	}

	String uid() {
		return this.uid;
	}

	String name() {
		return this.name;
	}

}
