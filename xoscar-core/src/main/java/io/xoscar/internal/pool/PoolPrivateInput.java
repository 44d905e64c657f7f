package io.xoscar.internal.pool;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.xoscar.internal.process.ChildMainSupport;

/**
 * The private input of a process pool's child: xoscar's part ({@link ChildSecrets}) then the user's
 * ({@link io.xoscar.config.ProcessPoolMain#privateInput()}), as {@link #MAGIC}, the length of
 * xoscar's part, its bytes, the user's bytes. The parent {@linkplain #frame frames} them; in the child
 * whichever asks first (the node's arguments, {@code ProcessPoolChild.parse}, or the user's main,
 * {@code ProcessPoolChild.takePrivateInput}) takes the input from the pipe, and each part is handed
 * out once. Input without the magic is the user's alone.
 */
public final class PoolPrivateInput {

	/** The argument by which the parent tells its child that xoscar's part comes first. */
	public static final String ARGUMENT = "--xoscar-pool.secrets=stdin";

	private static final byte[] MAGIC = { 'X', 'S', 'P', '1' };

	private static ChildSecrets secrets;

	private static byte[] user;

	private static boolean taken;

	private PoolPrivateInput() {
	}

	/**
	 * @param secrets xoscar's part
	 * @param user the user's part, {@code null} for none
	 * @return what the child gets privately
	 */
	public static byte[] frame(ChildSecrets secrets, byte[] user) {
		byte[] ours = secrets.encode();
		byte[] theirs = (user != null) ? user : new byte[0];
		return ByteBuffer.allocate(MAGIC.length + 4 + ours.length + theirs.length)
			.put(MAGIC)
			.putInt(ours.length)
			.put(ours)
			.put(theirs)
			.array();
	}

	/** @return xoscar's part, once (later calls get none) */
	public static synchronized ChildSecrets takeSecrets() {
		receive();
		ChildSecrets taking = secrets;
		secrets = ChildSecrets.NONE;
		return taking;
	}

	/**
	 * @return the user's part, once
	 * @throws IllegalStateException if it was taken before, or did not arrive in time
	 */
	public static synchronized byte[] takeUserInput() {
		receive();
		if (user == null) {
			throw new IllegalStateException("The private input of this JVM was taken already");
		}
		byte[] taking = user;
		user = null;
		return taking;
	}

	private static void receive() {
		if (!taken) {
			split(ChildMainSupport.takePrivateInput());
		}
	}

	/** Splits what arrived into xoscar's part and the user's; what arrives later is not read. */
	static synchronized void split(byte[] input) {
		taken = true;
		if (input.length < MAGIC.length + 4 || !Arrays.equals(input, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			secrets = ChildSecrets.NONE;
			user = input;
			return;
		}
		ByteBuffer buffer = ByteBuffer.wrap(input, MAGIC.length, input.length - MAGIC.length);
		int length = buffer.getInt();
		if (length < 0 || length > buffer.remaining()) {
			throw new IllegalStateException("The private input from the parent announces " + length
					+ " bytes of secrets but has " + buffer.remaining());
		}
		byte[] ours = new byte[length];
		buffer.get(ours);
		byte[] theirs = new byte[buffer.remaining()];
		buffer.get(theirs);
		Arrays.fill(input, (byte) 0);
		secrets = ChildSecrets.decode(ours);
		Arrays.fill(ours, (byte) 0);
		user = theirs;
	}

}
