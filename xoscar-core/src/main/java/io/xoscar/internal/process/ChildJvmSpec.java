package io.xoscar.internal.process;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to launch as a child JVM: a main class of the running application, its arguments, the
 * environment variables added to the inherited environment, the options of the child JVM and the
 * bytes handed to it privately.
 * <p>
 * Immutable: the lists and the map are copied. In the canonical constructor {@code null} lists and
 * maps stand for empty ones, a {@code null} timeout for {@link #DEFAULT_START_TIMEOUT} and a
 * {@code null} private input for {@link PrivateInput#NONE}. Build one with
 * {@link #of(String, String)} and the {@code with…} methods:
 * <pre>{@code
 * ChildJvmSpec spec = ChildJvmSpec.of("gpu-1", "com.example.PoolMain")
 * 		.withArgs("--port", "0")
 * 		.withEnvVar("CUDA_VISIBLE_DEVICES", "1")
 * 		.withJvmArgs("-Xmx2g")
 * 		.withStartTimeout(Duration.ofSeconds(60))
 * 		.withPrivateInput(settings);
 * }</pre>
 *
 * @param name names the child in thread and logger names ({@code io.xoscar.child.<name>}), not blank
 * @param mainClass fully qualified name of the class whose {@code main} the child runs
 * @param args the arguments of {@code main}
 * @param env environment variables added to (or replacing) those the parent process has
 * @param jvmArgs options of the child JVM, such as {@code -Xmx2g} or {@code -Dkey=value}; they are not
 * inherited from the parent
 * @param startTimeout how long the child may take to report that it is ready, positive
 * @param privateInput bytes the child takes with {@link ChildMainSupport#takePrivateInput()}, passed
 * through its standard input: they are neither in its command line nor in its environment
 */
public record ChildJvmSpec(String name, String mainClass, List<String> args, Map<String, String> env,
		List<String> jvmArgs, Duration startTimeout, PrivateInput privateInput) {

	/** The start timeout unless told otherwise. */
	public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern QUALIFIED_NAME = Pattern
		.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

	// validates and copies the components (see the class comment for nulls)
	public ChildJvmSpec {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("The name of a child JVM must not be blank");
		}
		if (mainClass == null || mainClass.isBlank()) {
			throw new IllegalArgumentException("The main class of child JVM '" + name + "' must not be blank");
		}
		if (!QUALIFIED_NAME.matcher(mainClass).matches()) {
			throw new IllegalArgumentException("The main class of child JVM '" + name
					+ "' is not a fully qualified class name: '" + mainClass + "'");
		}
		args = (args != null) ? List.copyOf(args) : List.of();
		env = (env != null) ? Map.copyOf(env) : Map.of();
		env.forEach((key, value) -> checkEnvVar(name, key, value));
		jvmArgs = (jvmArgs != null) ? List.copyOf(jvmArgs) : List.of();
		startTimeout = (startTimeout != null) ? startTimeout : DEFAULT_START_TIMEOUT;
		if (startTimeout.isNegative() || startTimeout.isZero()) {
			throw new IllegalArgumentException(
					"The start timeout of child JVM '" + name + "' must be positive, not " + startTimeout);
		}
		privateInput = (privateInput != null) ? privateInput : PrivateInput.NONE;
	}

	/**
	 * A child running {@code mainClass} without arguments, extra environment, JVM options or private
	 * input, with the default start timeout.
	 * @param name names the child in thread and logger names
	 * @param mainClass fully qualified name of the main class
	 * @return the spec
	 */
	public static ChildJvmSpec of(String name, String mainClass) {
		return new ChildJvmSpec(name, mainClass, List.of(), Map.of(), List.of(), DEFAULT_START_TIMEOUT,
				PrivateInput.NONE);
	}

	/**
	 * @param newArgs the arguments of {@code main}
	 * @return a copy with these arguments instead of the current ones
	 */
	public ChildJvmSpec withArgs(List<String> newArgs) {
		return new ChildJvmSpec(this.name, this.mainClass, newArgs, this.env, this.jvmArgs, this.startTimeout,
				this.privateInput);
	}

	/**
	 * @param newArgs the arguments of {@code main}
	 * @return a copy with these arguments instead of the current ones
	 */
	public ChildJvmSpec withArgs(String... newArgs) {
		return withArgs(Arrays.asList(newArgs));
	}

	/**
	 * @param newEnv environment variables added to the inherited environment
	 * @return a copy with these variables instead of the current ones
	 */
	public ChildJvmSpec withEnv(Map<String, String> newEnv) {
		return new ChildJvmSpec(this.name, this.mainClass, this.args, newEnv, this.jvmArgs, this.startTimeout,
				this.privateInput);
	}

	/**
	 * @param key the name of an environment variable
	 * @param value its value
	 * @return a copy with this variable added to (or replaced in) the current ones
	 */
	public ChildJvmSpec withEnvVar(String key, String value) {
		Map<String, String> newEnv = new LinkedHashMap<>(this.env);
		newEnv.put(key, value);
		return withEnv(newEnv);
	}

	/**
	 * @param newJvmArgs options of the child JVM
	 * @return a copy with these options instead of the current ones
	 */
	public ChildJvmSpec withJvmArgs(List<String> newJvmArgs) {
		return new ChildJvmSpec(this.name, this.mainClass, this.args, this.env, newJvmArgs, this.startTimeout,
				this.privateInput);
	}

	/**
	 * @param newJvmArgs options of the child JVM
	 * @return a copy with these options instead of the current ones
	 */
	public ChildJvmSpec withJvmArgs(String... newJvmArgs) {
		return withJvmArgs(Arrays.asList(newJvmArgs));
	}

	/**
	 * @param timeout how long the child may take to report that it is ready, positive
	 * @return a copy with this start timeout
	 */
	public ChildJvmSpec withStartTimeout(Duration timeout) {
		return new ChildJvmSpec(this.name, this.mainClass, this.args, this.env, this.jvmArgs,
				Objects.requireNonNull(timeout, "timeout"), this.privateInput);
	}

	/**
	 * @param bytes what the child takes with {@link ChildMainSupport#takePrivateInput()}, at most
	 * {@link PrivateInput#MAX_LENGTH}; {@code null} or empty for none
	 * @return a copy handing the child these bytes (copied) instead of the current ones
	 * @throws IllegalArgumentException if there are too many bytes
	 */
	public ChildJvmSpec withPrivateInput(byte[] bytes) {
		return new ChildJvmSpec(this.name, this.mainClass, this.args, this.env, this.jvmArgs, this.startTimeout,
				PrivateInput.of(bytes));
	}

	private static void checkEnvVar(String name, String key, String value) {
		if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(
					"Invalid environment variable for child JVM '" + name + "': '" + key + "'");
		}
	}

}
