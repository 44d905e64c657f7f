package io.xoscar.recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.recovery.RecoveryEvent.PoolDown;
import io.xoscar.recovery.RecoveryEvent.PoolGaveUp;
import io.xoscar.recovery.RecoveryEvent.PoolRestarting;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.awaitDown;
import static io.xoscar.recovery.ProcessPoolCrashes.failureWithin;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static io.xoscar.recovery.ProcessPoolCrashes.pool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash loop is bounded: a process pool whose child dies again each time its actors are
 * re-created is restarted as often as its {@link RestartLimits} allow (the first at once, then
 * after a backoff), then given up: DOWN with the reason (exit code and the tail of the child's
 * standard error), a {@code PoolGaveUp} event, and calls failing at once.
 */
class ProcessPoolGiveUpTest {

	private static final String LAST_WORDS = "fragile actor: marker found, halting with exit code 3";

	private static final ProcessPoolRecoveryEvents events = new ProcessPoolRecoveryEvents();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").jvmArgs("-Xmx64m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30))
			.processRestartLimits(new RestartLimits(2, Duration.ofMinutes(1), Duration.ofMillis(50),
					Duration.ofMillis(100), 0.2))
			.restartWait(Duration.ofSeconds(30))
			.recoveryListener(events))
		.build();

	private static final ActorSystem system = xoscar.system();

	private static final int GPU = 1;

	/** Halts its JVM with exit code 3 from postCreate once its marker file exists. */
	public static class Fragile extends Actor {

		private final String marker;

		public Fragile(String marker) {
			this.marker = marker;
		}

		@Override
		protected void postCreate() {
			if (Files.exists(Path.of(this.marker))) {
				System.err.println(LAST_WORDS);
				System.err.flush();
				Runtime.getRuntime().halt(3);
			}
		}

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@Test
	void aCrashLoopGivesUpAndSaysWhy(@TempDir Path dir) throws Exception {
		Path marker = dir.resolve("halt");
		ActorHandle<Fragile> fragile = system
			.createActor(Fragile.class, CreateOptions.uid("fragile").placement(Placement.pool(GPU)), marker.toString())
			.join();
		long pid = fragile.method("pid").<Long>call();
		Files.createFile(marker);

		kill(pid);
		PoolInfo down = awaitDown(system, GPU);

		assertThat(down.lastFailure()).contains("exited with code 3").contains(LAST_WORDS);
		PoolGaveUp gaveUp = events.awaitEvent(PoolGaveUp.class, (event) -> event.pool() == GPU);
		assertThat(gaveUp.poolName()).isEqualTo("gpu");
		assertThat(gaveUp.address()).isEqualTo(down.address());
		assertThat(gaveUp.restarts()).isEqualTo(2);
		assertThat(gaveUp.reason()).contains("exited with code 3").contains(LAST_WORDS);
		// the kill (the deaths of the restarted processes are told by PoolRestarting and PoolGaveUp)
		PoolDown killed = events.of(PoolDown.class).get(0);
		assertThat(killed.pid()).isEqualTo(pid);
		assertThat(killed.reason()).contains("killed by signal 9");
		assertThat(killed.restarting()).isTrue();
		// the first restart at once, the second after the backoff (50 ms, up to 20 % jitter)
		List<PoolRestarting> attempts = events.of(PoolRestarting.class);
		assertThat(attempts).extracting(PoolRestarting::attempt).containsExactly(1, 2);
		assertThat(attempts.get(0).delay()).isZero();
		assertThat(attempts.get(1).delay()).isBetween(Duration.ofMillis(50), Duration.ofMillis(60));

		long started = System.nanoTime();
		Throwable failure = failureWithin(fragile.method("pid").send(), Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed at once").isLessThan(Duration.ofSeconds(1));
		assertThat(failure).isInstanceOf(PoolDownException.class)
			.hasMessageContaining("gpu")
			.hasMessageContaining("exited with code 3");
		assertThat(((PoolDownException) failure).restarting()).as("restarting()").isFalse();
		assertThat(pool(system, GPU).state()).isEqualTo(PoolState.DOWN);
		// two processes were started again (each died re-creating its actor), as PoolGaveUp says
		assertThat(down.restarts()).as("PoolInfo.restarts()").isEqualTo(gaveUp.restarts());
	}

}
