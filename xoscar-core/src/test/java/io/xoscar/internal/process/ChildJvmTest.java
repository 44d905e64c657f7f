package io.xoscar.internal.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Starts real child JVMs running {@link ProbeChildMain} (and {@link RelayParentMain}): eight in all.
 */
class ChildJvmTest {

	private static final long MIB = 1024 * 1024;

	private final List<ChildJvm> started = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.started.forEach(ChildJvm::kill);
	}

	private ChildJvm start(ChildJvmSpec spec) {
		ChildJvm child = ChildJvm.start(spec);
		this.started.add(child);
		return child;
	}

	@Test
	void readyPayloadShowsTheEnvironmentAndTheJvmOptionsOfTheChild() {
		ChildJvm child = start(ProbeChildMain.spec("probe-env", "ready", "-Dxoscar.test=yes", "-Xmx64m")
			.withEnvVar("CUDA_VISIBLE_DEVICES", "1"));

		Map<String, String> seen = ProbeChildMain.parse(child.readyPayload());
		assertThat(seen).containsEntry("env", "1").containsEntry("prop", "yes");
		assertThat(Long.parseLong(seen.get("maxMemory"))).isBetween(32 * MIB, 64 * MIB);
		assertThat(child.isAlive()).isTrue();
		assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
		assertThat(child.name()).isEqualTo("probe-env");
	}

	@Test
	void childFailingAtStartIsReportedWithItsExitCodeAndLastOutput() {
		ChildStartException failure = catchThrowableOfType(() -> start(ProbeChildMain.spec("probe-fail", "fail")),
				ChildStartException.class);

		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).contains("Child JVM 'probe-fail'", ProbeChildMain.class.getName(),
				"exited with code 1 before it reported ready", "probe failure: GPU 7 is not available",
				"IllegalStateException: probe child refused to start", "probe: starting in fail mode");
		assertThat(failure.exitCode()).hasValue(1);
		assertThat(failure.childName()).isEqualTo("probe-fail");
		assertThat(failure.mainClass()).isEqualTo(ProbeChildMain.class.getName());
		assertThat(ProcessProbe.isGone(failure.pid().orElseThrow())).isTrue();
	}

	@Test
	void childNeverReportingReadyIsKilledAfterItsStartTimeout() {
		long begin = System.nanoTime();
		ChildStartException failure = catchThrowableOfType(
				() -> start(ProbeChildMain.spec("probe-silent", "silent").withStartTimeout(Duration.ofSeconds(2))),
				ChildStartException.class);
		Duration took = Duration.ofNanos(System.nanoTime() - begin);

		assertThat(failure).isNotNull();
		assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
		assertThat(failure.getMessage()).contains("Child JVM 'probe-silent'",
				"did not report ready within PT2S, so it was killed", "probe: warming up, never ready");
		assertThat(ProcessProbe.isGone(failure.pid().orElseThrow())).isTrue();
	}

	@Test
	void killEndsTheChildAndCompletesOnExit() {
		ChildJvm child = start(ProbeChildMain.spec("probe-kill", "ready"));

		child.kill();

		assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(10)).isNotEqualTo(ParentWatch.EXIT_STATUS);
		assertThat(child.isAlive()).isFalse();
	}

	@Test
	void stopClosesTheStandardInputOfTheChildWhichHaltsByItself() {
		ChildJvm child = start(ProbeChildMain.spec("probe-stop", "ready"));
		CompletableFuture<Integer> exit = child.onExit();

		assertThat(child.stop(Duration.ofSeconds(10))).as("exited within the grace period").isTrue();

		assertThat(exit).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(ParentWatch.EXIT_STATUS);
		assertThat(ProcessProbe.isGone(child.pid())).isTrue();
		assertThat(child.stop(Duration.ofSeconds(1))).as("a second stop").isTrue();
	}

	@Test
	void grandchildDiesWhenItsParentIsKilledWithSigkill() {
		ChildJvm relay = start(ChildJvmSpec.of("relay", RelayParentMain.class.getName())
			.withJvmArgs(ProbeChildMain.FAST_JVM_ARGS)
			.withStartTimeout(Duration.ofSeconds(30)));
		long grandchild = Long.parseLong(relay.readyPayload().substring("grandchild=".length()));
		try {
			assertThat(ProcessProbe.isGone(grandchild)).isFalse();

			// destroyForcibly is SIGKILL on Linux: the relay cannot do anything about its child
			ProcessHandle.of(relay.pid()).orElseThrow().destroyForcibly();

			await("grandchild " + grandchild + " gone").atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> ProcessProbe.isGone(grandchild));
			assertThat(relay.onExit()).succeedsWithin(Duration.ofSeconds(5));
		}
		finally {
			ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void longClassPathGoesThroughAnArgumentFile(@TempDir Path temp) throws IOException {
		List<Path> argFilesBefore = argFiles();
		String oddEntry = temp.resolve("dir with space").resolve("quote\"and\\backslash").toString();
		String classPath = System.getProperty("java.class.path") + File.pathSeparator + oddEntry;
		ChildClasspath classpath = ChildClasspath.of(classPath, null);

		ChildJvm child = ChildJvm.start(ProbeChildMain.spec("probe-argfile", "ready"), classpath, 0);
		this.started.add(child);

		assertThat(ProbeChildMain.parse(child.readyPayload())).containsEntry("lastClassPathEntry", oddEntry);
		assertThat(argFiles()).as("argument files left behind").isSubsetOf(argFilesBefore);
	}

	private static List<Path> argFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((file) -> file.getFileName().toString().matches("xoscar-child-.*\\.args")).toList();
		}
	}

}
