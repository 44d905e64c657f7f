package io.xoscar.recovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

import static io.xoscar.recovery.ProcessPoolCrashes.awaitRestarted;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static io.xoscar.recovery.ProcessPoolCrashes.pool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with a token and a process pool: the child gets the token privately (through its standard
 * input, not its command line or environment, which other users can read in {@code /proc}), calls
 * cross in both directions, and a child killed with SIGKILL comes back authenticated.
 */
class ProcessPoolTokenTest {

	private static final int POOL = 1;

	@Test
	void theChildGetsTheTokenPrivatelyAndCallsCrossInBothDirections() throws IOException {
		String token = "token-" + UUID.randomUUID();
		try (ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.token(token)
			.pool(PoolConfig.process("worker").threads(1).jvmArgs("-Xmx64m"))
			.build())) {
			ActorHandle<Relay> relay = system
				.createActor(Relay.class, CreateOptions.uid("relay").placement(Placement.address(pool(system, POOL).address())))
				.join();
			ActorHandle<Relay> local = system.createActor(Relay.class, CreateOptions.uid("local")).join();
			long pid = pool(system, POOL).pid();
			assertThat(relay.method("pid").<Long>call()).isEqualTo(pid);
			// from the child back to the parent: the child's own connection authenticates too
			assertThat(relay.method("pidOf").<Long>call(local)).isEqualTo(ProcessHandle.current().pid());
			assertHidden(pid, token);

			kill(system, POOL);
			long restarted = awaitRestarted(system, POOL, pid).pid();
			assertThat(relay.method("pid").<Long>call()).isEqualTo(restarted);
			assertThat(relay.method("pidOf").<Long>call(local)).isEqualTo(ProcessHandle.current().pid());
			assertHidden(restarted, token);
		}
	}

	private static void assertHidden(long pid, String token) throws IOException {
		byte[] secret = token.getBytes(StandardCharsets.UTF_8);
		for (String file : new String[] { "cmdline", "environ" }) {
			byte[] content = Files.readAllBytes(Path.of("/proc", Long.toString(pid), file));
			assertThat(content).as("/proc/%d/%s is read", pid, file).isNotEmpty();
			assertThat(new String(content, StandardCharsets.ISO_8859_1)).as("/proc/%d/%s", pid, file)
				.doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
		}
	}

	/** Tells which process it runs in, and which process another actor runs in. */
	public static class Relay extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

		public long pidOf(ActorHandle<Relay> other) {
			return other.method("pid").<Long>call();
		}

	}

}
