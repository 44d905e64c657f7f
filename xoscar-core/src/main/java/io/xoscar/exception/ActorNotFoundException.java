package io.xoscar.exception;

/**
 * No actor with the given uid lives at the given address.
 */
public class ActorNotFoundException extends XoscarException {

	private final String address;

	private final String uid;

	public ActorNotFoundException(String address, String uid) {
		super("no actor '" + uid + "' at " + address);
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
