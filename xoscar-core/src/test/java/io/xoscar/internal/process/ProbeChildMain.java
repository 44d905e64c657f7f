package io.xoscar.internal.process;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Main class of the child JVMs the tests start. The first argument selects the behaviour:
 * <ul>
 * <li>{@code ready}: installs the parent watch and reports ready with {@link #describeSelf()} as the
 * payload, then waits forever;</li>
 * <li>{@code fail}: writes to stdout and stderr, then throws from {@code main} (exit code 1);</li>
 * <li>{@code silent}: installs the parent watch, writes to stdout, never reports ready and waits
 * forever.</li>
 * </ul>
 * Waiting forever ends when the parent watch halts the JVM or the JVM is killed.
 */
public final class ProbeChildMain {

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
