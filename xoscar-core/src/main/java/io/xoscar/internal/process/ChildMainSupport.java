package io.xoscar.internal.process;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child side of the readiness handshake with a parent that started this JVM with
 * {@link ChildJvm#start(ChildJvmSpec)}, and of the hand-off of its private input. A child's
 * {@code main} typically reads:
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 * 	ParentWatch.install();                    // die with the parent, even on kill -9
 * 	byte[] settings = ChildMainSupport.takePrivateInput(); // if the parent hands over any
 * 	Server server = startServer(args, settings); // whatever makes the child useful
 * 	ChildMainSupport.ready(server.address()); // the parent's start(...) returns now
 * 	server.awaitTermination();                // keep a non-daemon thread alive
 * }
 * }</pre>
 * Until it is ready, the child may write anything to its standard output and error: the parent logs
 * it and shows its last lines if the start fails.
 */
public final class ChildMainSupport {

	/** Starts the line by which a child reports that it is ready; the payload follows after a space. */
	public static final String READY_PREFIX = "XOSCAR-READY";

	/** The longest payload, in characters. */
	public static final int MAX_PAYLOAD_LENGTH = 4096;

	/**
	 * How long {@link #takePrivateInput()} waits: the parent writes the private input as soon as it
	 * launched the child, so it is there long before.
	 */
	public static final Duration PRIVATE_INPUT_TIMEOUT = Duration.ofSeconds(30);

	private ChildMainSupport() {
	}

	/**
	 * Reports to the parent that this child is ready, by writing the line
	 * {@code XOSCAR-READY <payload>} (UTF-8) to standard output and flushing it. Also
	 * {@linkplain ParentWatch#install() installs the parent watch} in case {@code main} did not. The
	 * parent honours the first such line only.
	 * @param payload what the parent gets as {@link ChildJvm#readyPayload()}, such as the address the
	 * child bound; one line (no line breaks), at most {@link #MAX_PAYLOAD_LENGTH} characters;
	 * {@code null} stands for an empty payload
	 * @throws IllegalArgumentException if the payload spans lines or is too long
	 * @throws IllegalStateException if standard output is broken, so the parent cannot be told
	 */
	public static void ready(String payload) {
		String text = (payload != null) ? payload : "";
		if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			throw new IllegalArgumentException("The ready payload must be one line: '" + text + "'");
		}
		if (text.length() > MAX_PAYLOAD_LENGTH) {
			throw new IllegalArgumentException("The ready payload must not be longer than " + MAX_PAYLOAD_LENGTH
					+ " characters, but has " + text.length());
		}
		ParentWatch.install();
		byte[] line = (READY_PREFIX + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
		PrintStream out = System.out;
		synchronized (out) {
			out.flush();
			out.write(line, 0, line.length);
			if (out.checkError()) {
				throw new IllegalStateException("Could not write the ready line to standard output");
			}
		}
	}

	/**
	 * Takes the bytes the parent handed to this JVM ({@link ChildJvmSpec#withPrivateInput(byte[])}), once:
	 * the JVM keeps no copy of them. Waits until they have arrived, at most
	 * {@link #PRIVATE_INPUT_TIMEOUT}; meanwhile this JVM still halts when its parent goes away, since
	 * this {@linkplain ParentWatch#install() installs the parent watch} in case {@code main} did not.
	 * @return the bytes, empty if the parent handed over none
	 * @throws IllegalStateException if they were taken before, did not arrive in time or could not be
	 * read (this JVM was not started by {@link ChildJvm})
	 */
	public static byte[] takePrivateInput() {
		return ParentWatch.takePrivateInput(PRIVATE_INPUT_TIMEOUT);
	}

	/**
	 * @param line a line the child wrote to its standard output
	 * @return the payload if the line reports readiness, else {@code null}
	 */
	static String payloadOf(String line) {
		if (!line.startsWith(READY_PREFIX)) {
			return null;
		}
		if (line.length() == READY_PREFIX.length()) {
			return "";
		}
		return (line.charAt(READY_PREFIX.length()) == ' ') ? line.substring(READY_PREFIX.length() + 1) : null;
	}

}
