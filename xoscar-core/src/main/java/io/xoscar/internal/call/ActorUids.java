package io.xoscar.internal.call;

/**
 * The rule for actor uids, applied wherever a uid enters: creating an actor, making a handle,
 * looking an actor up (also for a request from another process).
 */
public final class ActorUids {

	/** The longest uid, in characters. */
	public static final int MAX_LENGTH = 128;

	private ActorUids() {
	}

	/**
	 * @param uid a uid
	 * @return the uid
	 * @throws IllegalArgumentException if it is empty, longer than {@value #MAX_LENGTH} characters or
	 * has a character other than letters, digits and {@code _ . : @ -}
	 */
	public static String check(String uid) {
		if (!isLegal(uid)) {
			throw new IllegalArgumentException("illegal actor uid '" + uid + "': use 1 to " + MAX_LENGTH
					+ " characters among letters, digits and _ . : @ -");
		}
		return uid;
	}

	private static boolean isLegal(String uid) {
		if (uid == null || uid.isEmpty() || uid.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < uid.length(); i++) {
			char c = uid.charAt(i);
			boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || c == ':' || c == '@' || c == '-';
			if (!legal) {
				return false;
			}
		}
		return true;
	}

}
