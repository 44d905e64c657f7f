package io.xoscar.exception;

/**
 * No actor with the given uid lives at the given address.
 */
public class ActorNotFoundException extends XoscarException {

	private final String address;

	private final String uid;

	public ActorNotFoundException(String address, String uid) {
		this(address, uid, "no actor '" + uid + "' at " + address);
	}

	/**
	 * @param address the address asked
	 * @param uid the uid asked
	 * @param message why there is no such actor (for one that was removed: when and why)
	 */
	public ActorNotFoundException(String address, String uid, String message) {
		super(message);
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
