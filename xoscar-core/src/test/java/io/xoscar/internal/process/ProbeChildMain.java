package io.xoscar.internal.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Main class of the child JVMs the tests start. The first argument selects the behaviour:
 * <ul>
 * <li>{@code ready}: installs the parent watch and reports ready with {@link #describeSelf()} as the
 * payload, then waits forever;</li>
 * <li>{@code fail}: writes to stdout and stderr, then throws from {@code main} (exit code 1);</li>
 * <li>{@code silent}: installs the parent watch, writes to stdout, never reports ready and waits
 * forever;</li>
 * <li>{@code private}: installs the parent watch, writes {@link #TAKING} to stdout, takes its private
 * input and reports ready with {@link #describeInput(byte[])} as the payload, then waits forever;</li>
 * <li>{@code private-soon}: like {@code private}, but waits for the private input 500 ms only.</li>
 * </ul>
 * Waiting forever ends when the parent watch halts the JVM or the JVM is killed.
 */
public final class ProbeChildMain {

	/** What the {@code private} modes write before they wait for their private input. */
	static final String TAKING = "probe: taking the private input";

	/** JVM options that make the test children start a little faster. */
	static final List<String> FAST_JVM_ARGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:-UsePerfData");

	private ProbeChildMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		String mode = (args.length > 0) ? args[0] : "ready";
		switch (mode) {
			case "ready" -> {
				ParentWatch.install();
				ChildMainSupport.ready(describeSelf());
			}
			case "fail" -> {
				System.out.println("probe: starting in fail mode");
				System.err.println("probe failure: GPU 7 is not available");
				throw new IllegalStateException("probe child refused to start");
			}
			case "silent" -> {
				ParentWatch.install();
				System.out.println("probe: warming up, never ready");
			}
			case "private", "private-soon" -> {
				ParentWatch.install();
				System.out.println(TAKING);
				byte[] input = mode.equals("private") ? ChildMainSupport.takePrivateInput()
						: ParentWatch.takePrivateInput(Duration.ofMillis(500));
				ChildMainSupport.ready(describeInput(input));
			}
			default -> throw new IllegalArgumentException("Unknown mode " + mode);
		}
		Thread.currentThread().join();
	}

	/**
	 * @return what the child sees of its environment, JVM options and class path, as
	 * {@code key=value} pairs separated by {@code |}
	 */
	static String describeSelf() {
		String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
		return "env=" + System.getenv("CUDA_VISIBLE_DEVICES") + "|prop=" + System.getProperty("xoscar.test")
				+ "|maxMemory=" + Runtime.getRuntime().maxMemory() + "|lastClassPathEntry="
				+ classPath[classPath.length - 1];
	}

	/**
	 * @param input the bytes the child got
	 * @return their length, CRC-32 and, for up to 1000 bytes, Base64, as {@link #parse(String)} reads
	 * them
	 */
	static String describeInput(byte[] input) {
		CRC32 crc = new CRC32();
		crc.update(input);
		return "length=" + input.length + "|crc=" + crc.getValue() + "|base64="
				+ ((input.length <= 1000) ? Base64.getEncoder().encodeToString(input) : "");
	}

	/**
	 * Starts a child without {@link ChildJvm}, so that a test writes its standard input itself.
	 * @param spec what to run (its private input is ignored)
	 * @return the child, its standard output and error discarded
	 * @throws IOException if it could not be started
	 */
	static Process launchRaw(ChildJvmSpec spec) throws IOException {
		try (ChildCommand command = ChildCommand.create(spec, ChildClasspath.detect(),
				ChildCommand.ARG_FILE_THRESHOLD)) {
			return new ProcessBuilder(command.arguments()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		}
	}

	/**
	 * Waits until a child started with {@link #launchRaw(ChildJvmSpec)} writes {@link #TAKING}.
	 * @param child the child
	 * @throws IOException if its output ended before
	 */
	static void awaitTaking(Process child) throws IOException {
		BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		for (String line = out.readLine(); !TAKING.equals(line); line = out.readLine()) {
			if (line == null) {
				throw new IOException("the child's output ended before it took its private input");
			}
		}
	}

	/**
	 * @param payload what {@link #describeSelf()} returned in the child
	 * @return its pairs
	 */
	static Map<String, String> parse(String payload) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : payload.split("\\|")) {
			int equals = pair.indexOf('=');
			pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return pairs;
	}

	/**
	 * @param name the name of the child
	 * @param mode the behaviour of the child
	 * @param extraJvmArgs JVM options added to {@link #FAST_JVM_ARGS}
	 * @return a spec running this class
	 */
	static ChildJvmSpec spec(String name, String mode, String... extraJvmArgs) {
		List<String> jvmArgs = new ArrayList<>(FAST_JVM_ARGS);
		jvmArgs.addAll(List.of(extraJvmArgs));
		return ChildJvmSpec.of(name, ProbeChildMain.class.getName())
			.withArgs(mode)
			.withJvmArgs(jvmArgs)
			.withStartTimeout(Duration.ofSeconds(20));
	}

}
