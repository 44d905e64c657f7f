package io.xoscar.internal.process;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The private hand-off from a parent to its child JVM through the child's standard input, with real
 * child JVMs running {@link ProbeChildMain} (six in all, one of them through {@link RelayParentMain}).
 */
@Timeout(120)
class PrivateInputTest {

	private final List<ChildJvm> started = new ArrayList<>();

	private final List<Process> raw = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.started.forEach(ChildJvm::kill);
		this.raw.forEach(Process::destroyForcibly);
	}

	@Test
	void bytesArriveAndAreNeitherInTheCommandLineNorInTheEnvironmentOfTheChild() throws IOException {
		String secret = "xoscar-private-" + UUID.randomUUID();
		byte[] bytes = ("token=" + secret).getBytes(StandardCharsets.UTF_8);

		ChildJvm child = start(ProbeChildMain.spec("probe-private", "private").withPrivateInput(bytes));

		Map<String, String> seen = ProbeChildMain.parse(child.readyPayload());
		assertThat(seen).containsEntry("length", Integer.toString(bytes.length))
			.containsEntry("base64", Base64.getEncoder().encodeToString(bytes));
		Path proc = Path.of("/proc", Long.toString(child.pid()));
		assumeThat(proc).as("a Linux /proc").isDirectory();
		assertThat(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8))
			.contains(ProbeChildMain.class.getName())
			.doesNotContain(secret);
		assertThat(new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8))
			.doesNotContain(secret);
	}

	@Test
	void inputLargerThanAPipeBufferArrivesWholeAndTheChildStillHaltsWhenItsInputCloses() {
		byte[] bytes = new byte[1024 * 1024];
		new Random(42).nextBytes(bytes);
		CRC32 crc = new CRC32();
		crc.update(bytes);

		ChildJvm child = start(ProbeChildMain.spec("probe-private-large", "private").withPrivateInput(bytes));

		assertThat(ProbeChildMain.parse(child.readyPayload())).containsEntry("length", Integer.toString(bytes.length))
			.containsEntry("crc", Long.toString(crc.getValue()));
		assertThat(child.stop(Duration.ofSeconds(10))).as("exited within the grace period").isTrue();
		assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(ParentWatch.EXIT_STATUS);
	}

	@Test
	void aChildHandedNothingTakesNoBytes() {
		ChildJvm child = start(ProbeChildMain.spec("probe-private-none", "private"));

		assertThat(ProbeChildMain.parse(child.readyPayload())).containsEntry("length", "0");
	}

	@Test
	void childReadingItsPrivateInputHaltsWhenItsStandardInputCloses() throws IOException, InterruptedException {
		Process child = launchRaw("private");
		DataOutputStream stdin = new DataOutputStream(child.getOutputStream());
		stdin.writeInt(1000);
		stdin.write(new byte[10]);
		stdin.flush();
		ProbeChildMain.awaitTaking(child);
		assertThat(child.isAlive()).isTrue();

		stdin.close();

		assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("halted").isTrue();
		assertThat(child.exitValue()).isEqualTo(ParentWatch.EXIT_STATUS);
	}

	@Test
	void childReadingItsPrivateInputDiesWhenItsParentIsKilledWithSigkill() {
		ChildJvm relay = start(ChildJvmSpec.of("relay-partial", RelayParentMain.class.getName())
			.withArgs("partial")
			.withJvmArgs(ProbeChildMain.FAST_JVM_ARGS)
			.withStartTimeout(Duration.ofSeconds(30)));
		long grandchild = Long.parseLong(relay.readyPayload().substring("grandchild=".length()));
		try {
			assertThat(ProcessProbe.isGone(grandchild)).isFalse();

			ProcessHandle.of(relay.pid()).orElseThrow().destroyForcibly();

			await("grandchild " + grandchild + " gone").atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> ProcessProbe.isGone(grandchild));
		}
		finally {
			ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void waitingForAPrivateInputThatDoesNotComeIsBounded() throws IOException, InterruptedException {
		// standard input stays open, and nothing is written
		Process child = launchRaw("private-soon");
		ProbeChildMain.awaitTaking(child);

		assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("gave up").isTrue();
		assertThat(child.exitValue()).as("main threw").isEqualTo(1);
	}

	private ChildJvm start(ChildJvmSpec spec) {
		ChildJvm child = ChildJvm.start(spec);
		this.started.add(child);
		return child;
	}

	private Process launchRaw(String mode) throws IOException {
		Process child = ProbeChildMain.launchRaw(ProbeChildMain.spec("probe-raw", mode));
		this.raw.add(child);
		return child;
	}

}
