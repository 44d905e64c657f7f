package io.xoscar.spring.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The application's effective properties as a process pool's child JVM gets them, so that an actor
 * sees there what it sees in a thread pool: also those of test property sources
 * ({@code @SpringBootTest(properties = …)}, {@code @TestPropertySource}, {@code @DynamicPropertySource}),
 * of files the child would not load by itself and of the application's {@code main}. They travel as
 * the child's private input (never in its command line or environment: they may hold secrets).
 * <p>
 * What is copied: the value, resolved in the parent, of every name of every enumerable property source
 * except those describing the parent process itself (system properties, environment variables,
 * {@code applicationInfo}: the child has its own; names whose value comes from them are left to the
 * child too), and except {@code spring.main.*} (the child's own application settings),
 * {@code spring.profiles.*} and {@code spring.config.*} (the child activates the parent's profiles
 * and loads its files as the parent did; their values are copied) and the child's pool role
 * ({@code xoscar.process-pool.*}). Names that do not resolve are skipped (logged at DEBUG).
 * <p>
 * Where they go in the child keeps the parent's order: names from sources above the system properties
 * (test properties, command line arguments) come first, above everything; names from sources below the
 * environment variables (the application's files, default properties) come right after the child's
 * environment variables, so that a pool's own {@code env} and {@code jvm-args} still win over them.
 * They are added when the child's environment is prepared, before its config files are loaded and its
 * logging is set up.
 */
final class ParentProperties implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The property source, first in the child, of what the parent has above its system properties. */
	static final String OVERRIDES = "xoscarParentOverrides";

	/** The property source, after the child's environment variables, of the parent's other properties. */
	static final String OTHERS = "xoscarParentProperties";

	private static final Logger logger = LoggerFactory.getLogger(ParentProperties.class);

	/** Property sources that describe the parent process, not the application. */
	private static final Set<String> PROCESS_SOURCES = Set.of(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, "applicationInfo");

	private static final List<String> EXCLUDED_PREFIXES = List.of("spring.main.", "spring.profiles.", "spring.config.",
			"xoscar.process-pool.");

	private final Map<String, String> overrides;

	private final Map<String, String> others;

	private ParentProperties(Map<String, String> overrides, Map<String, String> others) {
		this.overrides = overrides;
		this.others = others;
	}

	/**
	 * @param environment the parent's environment
	 * @return its properties for a child, resolved now
	 */
	static ParentProperties of(ConfigurableEnvironment environment) {
		Map<String, String> overrides = new LinkedHashMap<>();
		Map<String, String> others = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		boolean belowProcess = false;
		for (PropertySource<?> source : environment.getPropertySources()) {
			// random and configurationProperties are not enumerable
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			boolean process = PROCESS_SOURCES.contains(source.getName());
			belowProcess |= process;
			for (String name : enumerable.getPropertyNames()) {
				if (!seen.add(name) || process || excluded(name)) {
					continue;
				}
				String value = resolve(environment, name);
				if (value != null) {
					(belowProcess ? others : overrides).put(name, value);
				}
			}
		}
		return new ParentProperties(overrides, others);
	}

	private static boolean excluded(String name) {
		for (String prefix : EXCLUDED_PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String resolve(ConfigurableEnvironment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (RuntimeException ex) {
			logger.debug("Property '{}' is not passed to process pools: {}", name, ex.toString());
			return null;
		}
	}

	/**
	 * @return what the parent has above its system properties, in its order
	 */
	Map<String, String> overrides() {
		return Collections.unmodifiableMap(this.overrides);
	}

	/**
	 * @return the parent's other properties, in its order
	 */
	Map<String, String> others() {
		return Collections.unmodifiableMap(this.others);
	}

	/**
	 * @return the bytes that {@link #decode(byte[])} reads
	 */
	byte[] encode() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			write(out, this.overrides);
			write(out, this.others);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * @param bytes what {@link #encode()} returned in the parent, or none
	 * @return the parent's properties (none for no bytes)
	 * @throws IllegalArgumentException if the bytes are not such
	 */
	static ParentProperties decode(byte[] bytes) {
		if (bytes.length == 0) {
			return new ParentProperties(Map.of(), Map.of());
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			ParentProperties properties = new ParentProperties(read(in), read(in));
			if (in.available() > 0) {
				throw new IOException(in.available() + " bytes left over");
			}
			return properties;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("The parent's properties could not be read: " + ex.getMessage(), ex);
		}
	}

	private static void write(DataOutputStream out, Map<String, String> properties) throws IOException {
		out.writeInt(properties.size());
		for (Map.Entry<String, String> property : properties.entrySet()) {
			writeString(out, property.getKey());
			writeString(out, property.getValue());
		}
	}

	private static void writeString(DataOutputStream out, String text) throws IOException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static Map<String, String> read(DataInputStream in) throws IOException {
		int size = in.readInt();
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			properties.put(readString(in), readString(in));
		}
		return properties;
	}

	private static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("a string of " + length + " bytes where " + in.available() + " are left");
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	/**
	 * Adds the parent's properties to the child's environment.
	 */
	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		MutablePropertySources sources = event.getEnvironment().getPropertySources();
		sources.addFirst(new MapPropertySource(OVERRIDES, new LinkedHashMap<>(this.overrides)));
		MapPropertySource others = new MapPropertySource(OTHERS, new LinkedHashMap<>(this.others));
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, others);
		}
		else {
			sources.addLast(others);
		}
	}

	/**
	 * Before Spring Boot's listeners: its config files and logging see the parent's properties.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
