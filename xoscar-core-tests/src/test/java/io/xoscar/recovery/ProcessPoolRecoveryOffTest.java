package io.xoscar.recovery;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.recovery.RecoveryEvent.PoolDown;
import io.xoscar.recovery.RecoveryEvent.PoolRestarted;
import io.xoscar.recovery.RecoveryEvent.PoolRestarting;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.awaitDown;
import static io.xoscar.recovery.ProcessPoolCrashes.failureWithin;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With recovery off ({@code restartProcesses(false)}) a process pool whose child died stays DOWN,
 * and calls to its actors fail at once with {@link PoolDownException} naming the reason.
 */
class ProcessPoolRecoveryOffTest {

	private static final ProcessPoolRecoveryEvents events = new ProcessPoolRecoveryEvents();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").jvmArgs("-Xmx64m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30))
			.restartProcesses(false)
			.recoveryListener(events))
		.build();

	private static final ActorSystem system = xoscar.system();

	public static class Worker extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@Test
	void aKilledPoolStaysDownAndCallsFailAtOnceNamingTheReason() {
		ActorHandle<Worker> worker = system
			.createActor(Worker.class, CreateOptions.uid("worker").placement(Placement.pool(1)))
			.join();
		long pid = worker.method("pid").<Long>call();

		kill(pid);
		PoolInfo down = awaitDown(system, 1);

		assertThat(down.pid()).as("pid of the process that died").isEqualTo(pid);
		assertThat(down.restarts()).isZero();
		assertThat(down.lastFailure()).contains("killed by signal 9");
		long started = System.nanoTime();
		Throwable failure = failureWithin(worker.method("pid").send(), Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed at once").isLessThan(Duration.ofSeconds(1));
		assertThat(failure).isInstanceOf(PoolDownException.class)
			.hasMessageContaining("gpu")
			.hasMessageContaining("killed by signal 9");
		assertThat(((PoolDownException) failure).restarting()).as("restarting()").isFalse();

		PoolDown event = events.awaitEvent(PoolDown.class, (heard) -> heard.pid() == pid);
		assertThat(event.restarting()).isFalse();
		assertThat(event.reason()).contains("killed by signal 9");
		assertThat(events.of(PoolRestarting.class)).isEmpty();
		assertThat(events.of(PoolRestarted.class)).isEmpty();
		assertThat(system.pools().get(1).state()).isEqualTo(ActorSystem.PoolState.DOWN);
	}

}
