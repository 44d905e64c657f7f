package io.xoscar.internal.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class-data sharing for child JVMs, with real children of a class path of jars (the tests' own class
 * path has directories, which the JVM cannot archive): the first start trains an archive in the
 * background, the next one maps its classes from it, and a broken archive never breaks a start.
 */
class ChildClassDataSharingTest {

	private static final Duration TRAINING = Duration.ofMinutes(2);

	@TempDir
	static Path jars;

	private static ChildClasspath jarClasspath;

	@TempDir
	Path temp;

	private final List<ChildJvm> started = new ArrayList<>();

	private final List<ChildClassDataSharing> sharings = new ArrayList<>();

	@AfterEach
	void killLeftovers() throws Exception {
		this.started.forEach(ChildJvm::kill);
		for (ChildClassDataSharing sharing : this.sharings) {
			// a training still running would write to the directory being deleted
			sharing.trainingsEnded().get(TRAINING.toSeconds(), TimeUnit.SECONDS);
		}
	}

	private ChildClassDataSharing sharing(ArchiveCache cache) {
		ChildClassDataSharing sharing = new ChildClassDataSharing(cache);
		this.sharings.add(sharing);
		return sharing;
	}

	@Test
	@Timeout(value = 4, unit = TimeUnit.MINUTES)
	void theSecondChildMapsTheClassesThatTheTrainingAfterTheFirstArchived() throws Exception {
		ChildClassDataSharing sharing = sharing(new ArchiveCache(this.temp.resolve("cds")));
		ChildJvmSpec spec = loggingClassLoads(ProbeChildMain.spec("probe-cds", "ready"));

		ChildJvm first = start(spec, sharing);
		assertThat(commandLine(first)).noneMatch((arg) -> arg.startsWith("-XX:SharedArchiveFile"));
		Path archive = sharing.train(ChildClassDataSharing.key(spec, classpath()), spec, classpath(),
				ChildCommand.ARG_FILE_THRESHOLD).get(TRAINING.toSeconds(), TimeUnit.SECONDS);
		assertThat(archive).isRegularFile().hasParent(this.temp.resolve("cds"));
		ChildJvm second = start(spec, sharing);

		assertThat(commandLine(second)).contains("-XX:SharedArchiveFile=" + archive);
		// the training runs another main class, which loads the parent watch too
		assertThat(classLoads(second)).anyMatch((line) -> line.contains(ParentWatch.class.getName()
				+ " source: shared objects file (top)"));
		assertThat(classLoads(first)).noneMatch((line) -> line.contains("(top)"));
		try (Stream<Path> files = Files.list(this.temp.resolve("cds"))) {
			assertThat(files).as("what the training left").containsExactly(archive);
		}
	}

	@Test
	void anArchiveThatIsNoArchiveIsIgnoredByTheChild() throws IOException {
		ArchiveCache cache = new ArchiveCache(this.temp.resolve("cds"));
		ChildClassDataSharing sharing = sharing(cache);
		ChildJvmSpec spec = loggingClassLoads(ProbeChildMain.spec("probe-cds-garbage", "ready"));
		assertThat(cache.prepare()).isTrue();
		Path garbage = this.temp.resolve("garbage");
		Files.writeString(garbage, "not an archive".repeat(1000));
		Path archive = cache.install(ChildClassDataSharing.key(spec, classpath()), garbage);

		ChildJvm child = start(spec, sharing);

		assertThat(child.isAlive()).isTrue();
		assertThat(commandLine(child)).contains("-XX:SharedArchiveFile=" + archive);
		assertThat(classLoads(child)).anyMatch((line) -> line.contains(ProbeChildMain.class.getName() + " source: file:"));
	}

	@Test
	void aTruncatedArchiveIsDeletedBeforeAChildCouldMapIt() throws IOException {
		// the JVM of JDK 17 crashes (SIGBUS) on a truncated archive instead of ignoring it
		ArchiveCache cache = new ArchiveCache(this.temp.resolve("cds"));
		assertThat(cache.prepare()).isTrue();
		Path dumped = this.temp.resolve("dumped");
		Files.writeString(dumped, "a whole archive ".repeat(1000));
		Path archive = cache.install("key", dumped);
		assertThat(cache.find("key")).isEqualTo(archive);
		Files.writeString(archive, "a whole archive ".repeat(500));

		assertThat(cache.find("key")).isNull();
		assertThat(archive).doesNotExist();
	}

	@Test
	void childrenThatDealWithSharingThemselvesOrHaveDirectoriesOnTheirClassPathAreLeftAlone() {
		ChildClassDataSharing sharing = sharing(new ArchiveCache(this.temp.resolve("cds")));
		ChildJvmSpec spec = ChildJvmSpec.of("pool", "com.example.Main");
		String directories = System.getProperty("java.class.path");

		for (String own : List.of("-XX:SharedArchiveFile=/mine.jsa", "-Xshare:off", "-XX:-UseSharedSpaces",
				"-XX:AOTCache=app.aot", "-javaagent:agent.jar")) {
			assertThat(sharing.plan(spec.withJvmArgs(own), classpath(), 0).jvmOptions()).as(own).isEmpty();
		}
		assertThat(sharing.plan(spec.withEnvVar("JAVA_TOOL_OPTIONS", "-Xmx1g -Xshare:off"), classpath(), 0)
			.jvmOptions()).isEmpty();
		assertThat(ChildClassDataSharing.reasonToLeaveAlone(spec, ChildClasspath.of(directories, null)))
			.startsWith("its class path has a directory");
		assertThat(this.temp.resolve("cds")).doesNotExist();
	}

	@Test
	void aDirectoryThatOthersCanWriteToIsNotUsed() throws IOException {
		Path shared = Files.createDirectory(this.temp.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

		assertThat(new ArchiveCache(shared).prepare()).isFalse();
		assertThat(new ArchiveCache(this.temp.resolve("own")).prepare()).isTrue();
		assertThat(Files.getPosixFilePermissions(this.temp.resolve("own")))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
	}

	private ChildJvm start(ChildJvmSpec spec, ChildClassDataSharing sharing) {
		ChildJvm child = ChildJvm.start(spec, classpath(), ChildCommand.ARG_FILE_THRESHOLD, sharing);
		this.started.add(child);
		return child;
	}

	/** The JVM logs each class it loads and where from to a file of its own ({@code %p}: its pid). */
	private ChildJvmSpec loggingClassLoads(ChildJvmSpec spec) {
		List<String> jvmArgs = new ArrayList<>(spec.jvmArgs());
		jvmArgs.add("-Xlog:class+load=info:file=" + this.temp.resolve("classes-%p.log"));
		return spec.withJvmArgs(jvmArgs).withStartTimeout(TRAINING);
	}

	private List<String> classLoads(ChildJvm child) throws IOException {
		return Files.readAllLines(this.temp.resolve("classes-" + child.pid() + ".log"), StandardCharsets.UTF_8);
	}

	/** @return the arguments of the child's command line (Linux) */
	private static List<String> commandLine(ChildJvm child) throws IOException {
		byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
		return List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
	}

	/**
	 * @return the tests' class path with each directory replaced by a jar of it
	 */
	private static synchronized ChildClasspath classpath() {
		if (jarClasspath == null) {
			List<String> entries = new ArrayList<>();
			for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
				Path path = Path.of(entry);
				entries.add(Files.isDirectory(path) ? jar(path, jars.resolve(entries.size() + ".jar")).toString() : entry);
			}
			jarClasspath = ChildClasspath.of(String.join(File.pathSeparator, entries), null);
		}
		return jarClasspath;
	}

	private static Path jar(Path directory, Path jar) {
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out);
				Stream<Path> files = Files.walk(directory)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				jarOut.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
				Files.copy(file, jarOut);
				jarOut.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not jar " + directory, ex);
		}
		return jar;
	}

}
