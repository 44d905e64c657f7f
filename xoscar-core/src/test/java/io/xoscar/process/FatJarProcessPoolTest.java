package io.xoscar.process;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;

import io.xoscar.ActorSystem;
import io.xoscar.internal.process.ProcessProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Process pools start from a packaged Spring Boot fat jar: the test packages the core classes,
 * {@link FatJarApp} and the runtime libraries of its class path into an executable jar with Spring
 * Boot's {@link Repackager} (classes in {@code BOOT-INF/classes}, libraries in {@code BOOT-INF/lib}),
 * runs it with {@code java -jar} and checks that the application's process pool is another JVM that
 * took its classes from the same jar through Spring Boot's {@code PropertiesLauncher}.
 */
class FatJarProcessPoolTest {

	private static final String LAUNCHED_CLASS_LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader";

	/** How long the application may run, start of its process pool included. */
	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(40);

	/** How long to wait for a killed process to be gone. */
	private static final Duration KILL_WAIT = Duration.ofSeconds(10);

	/** Jars of the test class path the application does not need, by the start of their file names. */
	private static final List<String> TEST_ONLY_JARS = List.of("junit-", "opentest4j-", "apiguardian-",
			"assertj-", "awaitility-", "hamcrest-", "byte-buddy-", "surefire-", "common-java5-", "common-junit",
			"spring-boot-loader-tools-", "spring-core-", "spring-jcl-", "commons-logging-", "commons-compress-",
			"commons-io-", "commons-lang3-", "commons-codec-");

	@TempDir
	Path temp;

	@Test
	void processPoolsStartFromAPackagedSpringBootFatJar() throws IOException, InterruptedException {
		Path fatJar = fatJar();
		Path output = this.temp.resolve("app.out");
		Process app = new ProcessBuilder(javaBinary(), "-Xmx128m", "-jar", fatJar.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		Map<String, String> facts;
		try {
			boolean exited = app.waitFor(RUN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
			assertThat(exited).as("java -jar exited within %s; its output:%n%s", RUN_TIMEOUT, read(output)).isTrue();
			assertThat(app.exitValue()).as("exit code of java -jar; its output:%n%s", read(output)).isZero();
			facts = facts(read(output));
		}
		finally {
			stop(app);
		}
		String jar = fatJar.toString();
		assertThat(facts).as("what the application ran from")
			.containsEntry("parentPid", Long.toString(app.pid()))
			.containsEntry("parentClassPath", jar)
			.containsEntry("parentClassLoader", LAUNCHED_CLASS_LOADER);
		assertThat(facts.get("parentCodeSource")).contains(jar).contains("BOOT-INF/classes");
		assertThat(facts).as("where the process pool's actor answered from")
			.containsEntry("childPid", facts.get("poolPid"))
			.containsEntry("childClassPath", jar)
			.containsEntry("childClassLoader", LAUNCHED_CLASS_LOADER);
		assertThat(facts.get("childPid")).isNotEqualTo(facts.get("parentPid"));
		assertThat(facts.get("childLoaderMain")).startsWith("io.xoscar.");
		assertThat(facts.get("childCodeSource")).contains(jar).contains("BOOT-INF/classes");
		long poolPid = Long.parseLong(facts.get("poolPid"));
		await().atMost(KILL_WAIT).until(() -> ProcessProbe.isGone(poolPid));
	}

	/**
	 * @return an executable jar of {@link FatJarApp}: the main classes of this module, the
	 * application's own classes and the logging configuration of the tests in {@code BOOT-INF/classes},
	 * the runtime jars of this class path in {@code BOOT-INF/lib}
	 */
	private Path fatJar() throws IOException {
		Path source = this.temp.resolve("app-plain.jar");
		Path testClasses = locationOf(FatJarApp.class);
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(source), manifest)) {
			Set<String> written = new HashSet<>();
			Path classes = locationOf(ActorSystem.class);
			try (Stream<Path> tree = Files.walk(classes)) {
				for (Path path : (Iterable<Path>) tree::iterator) {
					add(jar, written, classes, path);
				}
			}
			Path appPackage = testClasses.resolve(FatJarApp.class.getPackageName().replace('.', '/'));
			try (Stream<Path> files = Files.list(appPackage)) {
				for (Path path : (Iterable<Path>) files.sorted()::iterator) {
					String name = path.getFileName().toString();
					if (name.equals(FatJarApp.class.getSimpleName() + ".class")
							|| name.startsWith(FatJarApp.class.getSimpleName() + "$")) {
						add(jar, written, testClasses, path);
					}
				}
			}
			add(jar, written, testClasses, testClasses.resolve("logback-test.xml"));
		}
		List<File> libraries = runtimeJars();
		assertThat(libraries).as("runtime jars of the test class path").isNotEmpty();
		Path fatJar = this.temp.resolve("app.jar").toAbsolutePath();
		Repackager repackager = new Repackager(source.toFile());
		repackager.setMainClass(FatJarApp.class.getName());
		repackager.setIncludeRelevantJarModeJars(false);
		repackager.repackage(fatJar.toFile(), (callback) -> {
			for (File library : libraries) {
				callback.library(new Library(library, LibraryScope.RUNTIME));
			}
		});
		return fatJar;
	}

	/**
	 * Adds a file or directory, and the directories above it, to a jar.
	 */
	private static void add(JarOutputStream jar, Set<String> written, Path root, Path path) throws IOException {
		Path relative = root.relativize(path);
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < relative.getNameCount(); i++) {
			boolean last = (i == relative.getNameCount() - 1);
			name.append(relative.getName(i));
			boolean directory = !last || Files.isDirectory(path);
			if (directory) {
				name.append('/');
			}
			if (!name.toString().equals("/") && written.add(name.toString())) {
				jar.putNextEntry(new JarEntry(name.toString()));
				if (!directory) {
					Files.copy(path, jar);
				}
				jar.closeEntry();
			}
		}
	}

	/**
	 * @return the jars of {@code java.class.path} but those only the tests need
	 */
	private static List<File> runtimeJars() {
		List<File> jars = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
			File file = new File(entry);
			String name = file.getName();
			if (file.isFile() && name.endsWith(".jar") && TEST_ONLY_JARS.stream().noneMatch(name::startsWith)) {
				jars.add(file);
			}
		}
		return jars;
	}

	private static Path locationOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the classes of " + type, ex);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String read(Path output) throws IOException {
		return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
	}

	/**
	 * @param output what the application printed
	 * @return the {@code key=value} facts of its {@link FatJarApp#OK} line
	 */
	private static Map<String, String> facts(String output) {
		for (String line : output.split("\\R")) {
			if (line.startsWith(FatJarApp.OK + "\t")) {
				Map<String, String> facts = new LinkedHashMap<>();
				Arrays.stream(line.split("\t")).skip(1).forEach((fact) -> {
					int equals = fact.indexOf('=');
					facts.put(fact.substring(0, equals), fact.substring(equals + 1));
				});
				return facts;
			}
		}
		return fail("The application printed no %s line:%n%s", FatJarApp.OK, output);
	}

	/**
	 * Kills the application, if it still runs, and every process it started.
	 */
	private static void stop(Process app) throws InterruptedException {
		List<ProcessHandle> descendants = app.descendants().toList();
		app.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		app.waitFor(KILL_WAIT.toNanos(), TimeUnit.NANOSECONDS);
		for (ProcessHandle descendant : descendants) {
			descendant.onExit().completeOnTimeout(descendant, KILL_WAIT.toNanos(), TimeUnit.NANOSECONDS).join();
		}
	}

}
