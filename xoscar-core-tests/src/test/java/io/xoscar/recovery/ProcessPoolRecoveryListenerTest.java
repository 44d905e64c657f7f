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

		long first = kill(system, GPU);
		PoolInfo back = awaitRestarted(system, GPU, first);
		events.awaitEvent(PoolRestarted.class, (event) -> event.pid() == back.pid());
		long second = kill(system, GPU);
		PoolInfo again = awaitRestarted(system, GPU, second);
		PoolRestarted last = events.awaitEvent(PoolRestarted.class, (event) -> event.pid() == again.pid());

		List<RecoveryEvent> heard = events.all();
		assertThat(heard).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("PoolDown", "PoolRestarting", "PoolRestarted", "PoolDown", "PoolRestarting",
					"PoolRestarted");
		PoolDown down = (PoolDown) heard.get(3);
		assertThat(down.pid()).isEqualTo(second);
		assertThat(down.pool()).isEqualTo(GPU);
		assertThat(down.restarting()).isTrue();
		assertThat(down.reason()).contains("killed by signal 9");
		PoolRestarting restarting = (PoolRestarting) heard.get(4);
		assertThat(restarting.address()).isEqualTo(again.address());
		assertThat(last.took()).isPositive().isLessThan(RESTART);
		assertThat(last.address()).isEqualTo(back.address());
		// the failing listener kept hearing too
		await().atMost(RESTART).until(() -> heardByTheFailingListener.get() >= heard.size());
	}

}
