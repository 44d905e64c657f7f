package io.xoscar.internal.transport;

/**
 * A request frame whose arguments do not decode into the chosen overload's types. The frame itself
 * is intact (its length framed it), so the caller gets an error answer and the connection stays.
 */
final class UndecodableArgumentsException extends IllegalArgumentException {

	private final FrameType type;

	private final long id;

	private final String target;

	private final String uid;

	private final String name;

	UndecodableArgumentsException(FrameType type, long id, String target, String uid, String name, String message,
			Throwable cause) {
		super(message, cause);
		this.type = type;
		this.id = id;
		this.target = target;
		this.uid = uid;
		this.name = name;
	}

	FrameType type() {
		return this.type;
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
