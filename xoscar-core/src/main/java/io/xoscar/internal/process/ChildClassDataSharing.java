package io.xoscar.internal.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing for child JVMs: a child starts with an archive of the classes a
 * child of the same JDK, class path and JVM options loaded before ({@code -XX:SharedArchiveFile}), so
 * it maps them instead of loading, parsing and verifying them again; that halves its start.
 * <p>
 * There is no archive the first time: the child starts without one, and once it is ready a training
 * child ({@code io.xoscar.internal.pool.ChildTrainingMain}: a node that serves a first request, no
 * application code) runs in the background with {@code -XX:ArchiveClassesAtExit} and is stopped, and
 * the JVM dumps the archive as it halts ({@link ArchiveCache} keeps it). The archive serves every
 * child main of that class path, a framework's too, since classes are shared whoever loads them.
 * <p>
 * Left alone (no archive, no training) are children whose options or {@code JAVA_TOOL_OPTIONS} /
 * {@code JDK_JAVA_OPTIONS} deal with class-data sharing or AOT caches themselves ({@code -Xshare:off}
 * turns it off, {@code -XX:SharedArchiveFile} names one's own archive) or load agents, and class
 * paths with directories (the JVM archives only classes from jars). The JVM checks an archive before
 * it uses one and ignores it, quietly ({@code -Xlog:cds*=off}), if it does not match.
 */
final class ChildClassDataSharing {

	/** The main class of the training runs. */
	static final String TRAINING_MAIN = "io.xoscar.internal.pool.ChildTrainingMain";

	/** How long a training child may take to be ready, and then to dump the archive and exit. */
	static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);

	static final String QUIET = "-Xlog:cds*=off";

	/** Options with which a child deals with sharing itself, or with which it loads agents. */
	private static final List<String> OWN_OPTIONS = List.of("-Xshare:", "-XX:SharedArchiveFile",
			"-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:-AutoCreateSharedArchive",
			"-XX:+UseSharedSpaces", "-XX:-UseSharedSpaces", "-XX:AOT", "-XX:SharedClassListFile",
			"-XX:DumpLoadedClassList", "-XX:+RecordDynamicDumpInfo", "-javaagent:", "-agentlib:", "-agentpath:");

	private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	private static final Logger logger = LoggerFactory.getLogger(ChildClassDataSharing.class);

	private static final ChildClassDataSharing FOR_THIS_USER = new ChildClassDataSharing(ArchiveCache.forThisUser());

	private final ArchiveCache cache;

	/** The training of each key this JVM started: one per key and JVM, failed or not. */
	private final Map<String, CompletableFuture<Path>> trainings = new ConcurrentHashMap<>();

	ChildClassDataSharing(ArchiveCache cache) {
		this.cache = cache;
	}

	/**
	 * @return the sharing of the user running this JVM
	 */
	static ChildClassDataSharing forThisUser() {
		return FOR_THIS_USER;
	}

	/**
	 * What a child gets: the options naming its archive if there is one, else a training to run once
	 * it is ready.
	 */
	record Plan(List<String> jvmOptions, Runnable afterStart) {

		static final Plan NONE = new Plan(List.of(), () -> {
		});

	}

	/**
	 * @param spec the child to start
	 * @param classpath how it gets its classes
	 * @param argFileThreshold class paths longer than this go into an argument file
	 * @return what the child gets
	 */
	Plan plan(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold) {
		try {
			return planOrFail(spec, classpath, argFileThreshold);
		}
		catch (RuntimeException ex) {
			// sharing only speeds a start up: whatever goes wrong with it must not fail one
			logger.debug("Child JVM '{}' starts without class-data sharing", spec.name(), ex);
			return Plan.NONE;
		}
	}

	private Plan planOrFail(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold) {
		String reason = reasonToLeaveAlone(spec, classpath);
		if (reason != null) {
			logger.debug("Child JVM '{}' starts without class-data sharing: {}", spec.name(), reason);
			return Plan.NONE;
		}
		if (!this.cache.prepare()) {
			return Plan.NONE;
		}
		String key = key(spec, classpath);
		Path archive = this.cache.find(key);
		if (archive != null) {
			return new Plan(List.of("-XX:SharedArchiveFile=" + archive, QUIET), Plan.NONE.afterStart());
		}
		return new Plan(List.of(), () -> train(key, spec, classpath, argFileThreshold));
	}

	/**
	 * Starts the training of an archive for the key in the background, unless this JVM did already.
	 * @return completes with the archive, or exceptionally if the training failed
	 */
	CompletableFuture<Path> train(String key, ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold) {
		return this.trainings.computeIfAbsent(key, (k) -> {
			CompletableFuture<Path> archive = new CompletableFuture<>();
			Thread thread = new Thread(() -> runTraining(key, spec, classpath, argFileThreshold, archive),
					"xoscar-cds-training");
			thread.setDaemon(true);
			thread.start();
			return archive;
		});
	}

	/**
	 * @return completes when the trainings this JVM started so far ended, whether they failed or not
	 */
	CompletableFuture<Void> trainingsEnded() {
		return CompletableFuture.allOf(this.trainings.values().stream()
			.map((training) -> training.handle((archive, failure) -> null))
			.toArray(CompletableFuture[]::new));
	}

	private void runTraining(String key, ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold,
			CompletableFuture<Path> archive) {
		this.cache.prune();
		Path dump = this.cache.dumpFile(key);
		ChildJvmSpec training = new ChildJvmSpec("cds-training", TRAINING_MAIN, poolArguments(spec.args()), spec.env(),
				spec.jvmArgs(), TRAINING_TIMEOUT, PrivateInput.NONE);
		try {
			ChildJvm child = ChildLauncher.launch(training, classpath, argFileThreshold,
					List.of("-XX:ArchiveClassesAtExit=" + dump, QUIET));
			if (!child.stop(TRAINING_TIMEOUT) || !Files.isRegularFile(dump)) {
				throw new IOException("the training child did not dump an archive to " + dump);
			}
			Path installed = this.cache.install(key, dump);
			logger.debug("Child JVMs of this class path start with class-data sharing archive {}", installed);
			archive.complete(installed);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Training a class-data sharing archive for child JVMs failed; they start without one", ex);
			archive.completeExceptionally(ex);
		}
		finally {
			ArchiveCache.deleteQuietly(dump);
		}
	}

	/**
	 * @return the arguments of a process pool's node ({@code --xoscar-pool.}), which the training child
	 * starts its node with
	 */
	static List<String> poolArguments(List<String> args) {
		return args.stream().filter((arg) -> arg.startsWith("--xoscar-pool.")).toList();
	}

	/**
	 * @return why a child gets no archive and no training, or {@code null} if it does
	 */
	static String reasonToLeaveAlone(ChildJvmSpec spec, ChildClasspath classpath) {
		for (String option : effectiveOptions(spec)) {
			for (String own : OWN_OPTIONS) {
				if (option.startsWith(own)) {
					return "its JVM options have " + option;
				}
			}
		}
		if (classpath.classPath().isEmpty()) {
			return "it has no class path";
		}
		for (String entry : entries(classpath)) {
			if (Files.isDirectory(Path.of(entry))) {
				return "its class path has a directory (" + entry + ")";
			}
		}
		return null;
	}

	/**
	 * @return the child's JVM options and those it gets from the environment
	 */
	private static List<String> effectiveOptions(ChildJvmSpec spec) {
		List<String> options = new ArrayList<>(spec.jvmArgs());
		for (String variable : OPTION_VARIABLES) {
			String value = spec.env().containsKey(variable) ? spec.env().get(variable) : System.getenv(variable);
			if (value != null && !value.isBlank()) {
				options.addAll(List.of(value.trim().split("\\s+")));
			}
		}
		return options;
	}

	/**
	 * The key of a child's archive: what the JVM checks an archive against (JDK, class path with each
	 * jar's size and time, as written: the JVM compares paths, not files) and the options the archive
	 * was trained with. Not the main class: the archive
	 * serves every main class of the class path.
	 */
	static String key(ChildJvmSpec spec, ChildClasspath classpath) {
		StringBuilder text = new StringBuilder();
		text.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.vm.version"))
			.append('\n').append(classpath.launchClass(TRAINING_MAIN)).append('\n')
			// relative class path entries are the parent's working directory's, and so the child's
			.append(System.getProperty("user.dir")).append('\n');
		for (String entry : entries(classpath)) {
			File file = new File(entry);
			text.append(entry).append(' ').append(file.length()).append(' ').append(file.lastModified()).append('\n');
		}
		effectiveOptions(spec).forEach((option) -> text.append(option).append('\n'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	private static String[] entries(ChildClasspath classpath) {
		return classpath.classPath().split(Pattern.quote(File.pathSeparator));
	}

	@Override
	public String toString() {
		return "class-data sharing archives in " + this.cache.directory();
	}

}
