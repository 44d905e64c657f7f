package io.xoscar.exception;

/**
 * An actor with the requested uid already exists on the node.
 */
public class ActorAlreadyExistsException extends XoscarException {

	private final String address;

	private final String uid;

	public ActorAlreadyExistsException(String address, String uid) {
		super("actor '" + uid + "' already exists at " + address);
		this.address = address;
		this.uid = uid;
	}

	public String address() {
		return this.address;
	}

	public String uid() {
		return this.uid;
	}
}
