package io.xoscar.recovery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.config.PoolConfig;
import io.xoscar.recovery.RecoveryEvent.PoolDown;
import io.xoscar.recovery.RecoveryEvent.PoolRestarted;
import io.xoscar.recovery.RecoveryEvent.PoolRestarting;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.RESTART;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitRestarted;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery listeners hear a pool go down, restart and come back; one that throws does not stop
 * the others, nor the events after.
 */
class ProcessPoolRecoveryListenerTest {

	private static final AtomicInteger heardByTheFailingListener = new AtomicInteger();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").jvmArgs("-Xmx64m"))
		.configure((config) -> config
			.processRestartLimits(RestartLimits.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))
			// first in line, and it throws every time
			.recoveryListener((event) -> {
				heardByTheFailingListener.incrementAndGet();
				throw new IllegalStateException("a recovery listener failing on purpose (expected in this test)");
			}))
		.build();

	private static final ActorSystem system = xoscar.system();

	private static final int GPU = 1;

	@Test
	void aListenerThatThrowsStopsNeitherTheOthersNorLaterEvents() {
		ProcessPoolRecoveryEvents events = new ProcessPoolRecoveryEvents();
		system.addRecoveryListener(events);

		long pid = kill(system, GPU);
		PoolInfo back = awaitRestarted(system, GPU, pid);
		PoolRestarted restarted = events.awaitEvent(PoolRestarted.class, (event) -> event.pid() == back.pid());

		// the failing listener threw for each, from PoolDown on: the other heard them all the same
		List<RecoveryEvent> heard = events.all();
		assertThat(heard).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("PoolDown", "PoolRestarting", "PoolRestarted");
		PoolDown down = (PoolDown) heard.get(0);
		assertThat(down.pid()).isEqualTo(pid);
		assertThat(down.pool()).isEqualTo(GPU);
		assertThat(down.poolName()).isEqualTo("gpu");
		assertThat(down.restarting()).isTrue();
		assertThat(down.reason()).contains("killed by signal 9");
		PoolRestarting restarting = (PoolRestarting) heard.get(1);
		assertThat(restarting.address()).isEqualTo(back.address());
		assertThat(restarting.attempt()).isEqualTo(1);
		assertThat(restarting.delay()).isZero();
		assertThat(restarted.address()).isEqualTo(back.address());
		assertThat(restarted.attempt()).isEqualTo(1);
		assertThat(restarted.took()).isPositive().isLessThan(RESTART);
		// the failing listener kept hearing too
		await().atMost(RESTART).until(() -> heardByTheFailingListener.get() >= heard.size());
	}

}
