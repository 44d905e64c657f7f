package io.xoscar.internal.process;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line of a child JVM:
 * {@code <java> <stdio encoding> <runtime options> <jvm args> [-Dloader.main=…] -cp <class path>
 * <main class> <args>}, the runtime's options being those for native access, netty's JFR events and
 * class-data sharing.
 * <p>
 * A class path longer than a threshold goes into a temporary {@code @argfile} (supported by the
 * {@code java} launcher since JDK 9) instead, because long command lines fail: Linux limits one
 * argument to 128 KiB, Windows a whole command line to 32 KiB, and build tools produce long class
 * paths. The file only needs to exist while the child's launcher starts; {@link #close()} deletes it.
 * <p>
 * The child's standard output and error are set to UTF-8, the encoding the parent reads them in.
 */
final class ChildCommand implements AutoCloseable {

	/** Class paths longer than this many characters go into an argument file. */
	static final int ARG_FILE_THRESHOLD = 16 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ChildCommand.class);

	private final List<String> arguments;

	private final Path argFile;

	private ChildCommand(List<String> arguments, Path argFile) {
		this.arguments = Collections.unmodifiableList(arguments);
		this.argFile = argFile;
	}

	/**
	 * Netty's native transport (the Unix domain sockets) loads a native library; from JDK 22 on the
	 * JVM warns about that unless native access is granted, and the parent's grant does not pass to
	 * its children by itself.
	 */
	static List<String> nativeAccessOptions(int javaFeature, List<String> jvmArgs) {
		boolean granted = jvmArgs.stream().anyMatch((arg) -> arg.startsWith("--enable-native-access"));
		return (javaFeature >= 22 && !granted) ? List.of("--enable-native-access=ALL-UNNAMED") : List.of();
	}

	/**
	 * Netty describes its buffer allocations as JFR events unless told otherwise; its first allocation
	 * then costs a child 0.2-0.4 s, in which the JVM generates a handler for each event class. A child
	 * whose options record with JFR or decide themselves keeps them.
	 */
	static List<String> nettyJfrOptions(List<String> jvmArgs) {
		boolean recordsOrDecides = jvmArgs.stream()
			.anyMatch((arg) -> arg.contains("io.netty.jfr.enabled") || arg.startsWith("-XX:StartFlightRecording")
					|| arg.startsWith("-XX:+FlightRecorder"));
		return recordsOrDecides ? List.of() : List.of("-Dio.netty.jfr.enabled=false");
	}

	/**
	 * @param spec what to run
	 * @param classpath how the child gets the parent's classes
	 * @param argFileThreshold class paths longer than this go into an argument file
	 * @return the command, with its argument file written if it needs one
	 * @throws IOException if the argument file could not be written
	 */
	static ChildCommand create(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold)
			throws IOException {
		return create(spec, classpath, argFileThreshold, List.of());
	}

	/**
	 * @param spec what to run
	 * @param classpath how the child gets the parent's classes
	 * @param argFileThreshold class paths longer than this go into an argument file
	 * @param runtimeOptions JVM options the runtime adds (such as a class-data sharing archive), before
	 * the spec's own, so that the spec's win
	 * @return the command, with its argument file written if it needs one
	 * @throws IOException if the argument file could not be written
	 */
	static ChildCommand create(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold,
			List<String> runtimeOptions) throws IOException {
		List<String> arguments = new ArrayList<>();
		arguments.add(javaBinary());
		arguments.addAll(stdioEncodingOptions(Runtime.version().feature()));
		arguments.addAll(nativeAccessOptions(Runtime.version().feature(), spec.jvmArgs()));
		arguments.addAll(nettyJfrOptions(spec.jvmArgs()));
		arguments.addAll(runtimeOptions);
		arguments.addAll(spec.jvmArgs());
		arguments.addAll(classpath.jvmOptions(spec.mainClass()));
		Path argFile = null;
		String classPath = classpath.classPath();
		if (classPath.length() > argFileThreshold) {
			argFile = Files.createTempFile("xoscar-child-", ".args");
			try {
				Files.writeString(argFile, "-cp\n" + argFileQuote(classPath) + "\n", argFileCharset());
			}
			catch (IOException | RuntimeException ex) {
				deleteQuietly(argFile);
				throw ex;
			}
			arguments.add("@" + argFile);
		}
		else if (!classPath.isEmpty()) {
			arguments.add("-cp");
			arguments.add(classPath);
		}
		arguments.add(classpath.launchClass(spec.mainClass()));
		arguments.addAll(spec.args());
		return new ChildCommand(arguments, argFile);
	}

	/**
	 * @return the {@code java} launcher of the running JVM
	 */
	static String javaBinary() {
		boolean windows = System.getProperty("os.name", "").startsWith("Windows");
		return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
	}

	/**
	 * @param javaFeatureVersion the feature version of the child's JDK (the parent's)
	 * @return the options making the child write UTF-8 to its standard output and error
	 */
	static List<String> stdioEncodingOptions(int javaFeatureVersion) {
		String prefix = (javaFeatureVersion >= 19) ? "-D" : "-Dsun.";
		return List.of(prefix + "stdout.encoding=UTF-8", prefix + "stderr.encoding=UTF-8");
	}

	/**
	 * Quotes one argument for an argument file: in double quotes, with backslash escapes.
	 * @param argument the argument
	 * @return the argument as it must appear in the file
	 */
	static String argFileQuote(String argument) {
		StringBuilder quoted = new StringBuilder(argument.length() + 16).append('"');
		for (int i = 0; i < argument.length(); i++) {
			char c = argument.charAt(i);
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '"' -> quoted.append("\\\"");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				case '\f' -> quoted.append("\\f");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * The launcher reads argument files as bytes of the platform encoding, like command lines.
	 */
	private static Charset argFileCharset() {
		for (String property : List.of("sun.jnu.encoding", "native.encoding")) {
			String name = System.getProperty(property);
			try {
				if (name != null && Charset.isSupported(name)) {
					return Charset.forName(name);
				}
			}
			catch (IllegalArgumentException ex) {
				// an illegal name: try the next one
			}
		}
		return Charset.defaultCharset();
	}

	/**
	 * @return the command line
	 */
	List<String> arguments() {
		return this.arguments;
	}

	/**
	 * @return the argument file holding the class path, if the command has one
	 */
	Optional<Path> argFile() {
		return Optional.ofNullable(this.argFile);
	}

	/**
	 * Deletes the argument file, if any. Call it once the child is running or failed to.
	 */
	@Override
	public void close() {
		if (this.argFile != null) {
			deleteQuietly(this.argFile);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Could not delete {}", file, ex);
		}
	}

	@Override
	public String toString() {
		return String.join(" ", this.arguments);
	}

}
