package io.xoscar.internal.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Bytes a parent hands to its child JVM privately (such as settings that must not show on a command
 * line): not in the child's arguments, not in its environment, not in a file, but through the pipe
 * of the child's standard input, which only the two processes hold. {@link ChildJvm} writes them
 * there right after the launch, length first (four bytes, big-endian), every child gets at least that
 * length (zero for none); the child's {@link ParentWatch} reads them before it goes on watching the
 * pipe for its end, and the child takes them with {@link ChildMainSupport#takePrivateInput()}.
 * <p>
 * Immutable: the bytes are copied in and out. {@link #toString()} shows their length only.
 */
public final class PrivateInput {

	/** The most bytes a child can be handed. */
	public static final int MAX_LENGTH = 16 * 1024 * 1024;

	private static final int READ_CHUNK = 64 * 1024;

	/** No bytes. */
	public static final PrivateInput NONE = new PrivateInput(new byte[0]);

	private final byte[] bytes;

	private PrivateInput(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * @param bytes what the child gets, at most {@link #MAX_LENGTH} of them; {@code null} stands for
	 * none
	 * @return a copy of them
	 * @throws IllegalArgumentException if there are too many
	 */
	public static PrivateInput of(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return NONE;
		}
		if (bytes.length > MAX_LENGTH) {
			throw new IllegalArgumentException("The private input of a child JVM must not be longer than "
					+ MAX_LENGTH + " bytes, but has " + bytes.length);
		}
		return new PrivateInput(bytes.clone());
	}

	/**
	 * @return how many bytes the child gets
	 */
	public int length() {
		return this.bytes.length;
	}

	/**
	 * @return a copy of the bytes
	 */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	/**
	 * Writes the length and the bytes, and flushes; leaves the stream open.
	 * @param out the child's standard input
	 * @throws IOException if writing fails (the child is gone)
	 */
	void writeTo(OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.writeInt(this.bytes.length);
		data.write(this.bytes);
		data.flush();
	}

	/**
	 * Reads exactly what {@link #writeTo(OutputStream)} wrote, and nothing more.
	 * @param in the child's standard input
	 * @return the bytes
	 * @throws EOFException if the stream ended before all of them arrived (the parent is gone)
	 * @throws IOException if reading fails, or the length is not one a parent writes
	 */
	static byte[] readFrom(InputStream in) throws IOException {
		int length;
		try {
			length = new DataInputStream(in).readInt();
		}
		catch (EOFException ex) {
			throw new EOFException("standard input ended before the length of the private input");
		}
		if (length < 0 || length > MAX_LENGTH) {
			throw new IOException("standard input does not start with the length of a private input: " + length);
		}
		// the array grows with what arrived: a wrong length allocates nothing ahead (and readNBytes
		// of a FileInputStream fails on a pipe before JDK 20)
		byte[] bytes = new byte[Math.min(length, READ_CHUNK)];
		int read = 0;
		while (read < length) {
			if (read == bytes.length) {
				bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
			}
			int n = in.read(bytes, read, bytes.length - read);
			if (n < 0) {
				throw new EOFException("standard input ended after " + read + " of the " + length
						+ " bytes of the private input");
			}
			read += n;
		}
		return bytes;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PrivateInput input && Arrays.equals(input.bytes, this.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "PrivateInput[" + this.bytes.length + " bytes]";
	}

}
