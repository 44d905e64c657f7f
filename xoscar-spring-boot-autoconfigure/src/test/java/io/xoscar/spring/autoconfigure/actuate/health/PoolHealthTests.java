package io.xoscar.spring.autoconfigure.actuate.health;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.config.PoolConfig.PoolMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process pool's health through recovery: UP while it runs, RESTARTING while it comes back, DOWN
 * with the reason when it is gone; how often it was restarted and why it died last.
 */
class PoolHealthTests {

	private static final String KILLED = "its process (pid 4242) was killed by signal 9 (SIGKILL), exit code 137";

	@Test
	void aPoolThatNeverFailedIsUpWithNoRestarts() {
		Health health = health(PoolState.UP, 0, null);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("restarts", 0).doesNotContainKey("lastFailure");
	}

	@Test
	void aPoolThatRecoveryBringsBackIsRestarting() {
		Health health = health(PoolState.RESTARTING, 2, KILLED);
		assertThat(health.getStatus()).isEqualTo(XoscarHealthContributor.RESTARTING);
		assertThat(health.getStatus().getCode()).isEqualTo("RESTARTING");
		assertThat(health.getDetails()).containsEntry("restarts", 2)
			.containsEntry("lastFailure", KILLED)
			.containsEntry("pid", 4242L);
	}

	@Test
	void aRestartingPoolStaysRestartingWhatEverItsBacklog() {
		Health health = XoscarHealthContributor.health(pool(PoolState.RESTARTING, 1, KILLED), List.of(), true,
				Instant.now());
		assertThat(health.getStatus()).isEqualTo(XoscarHealthContributor.RESTARTING);
	}

	@Test
	void aRestartedPoolIsUpAndTellsWhyItDiedLast() {
		Health health = health(PoolState.UP, 1, KILLED);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("restarts", 1).containsEntry("lastFailure", KILLED);
	}

	@Test
	void aPoolThatRecoveryGaveUpIsDownWithTheReason() {
		String gaveUp = "gave up after 5 restarts within PT1M: " + KILLED;
		Health health = health(PoolState.DOWN, 5, gaveUp);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("restarts", 5).containsEntry("lastFailure", gaveUp);
	}

	private static Health health(PoolState state, int restarts, String lastFailure) {
		return XoscarHealthContributor.health(pool(state, restarts, lastFailure), List.of(), false, Instant.now());
	}

	private static PoolInfo pool(PoolState state, int restarts, String lastFailure) {
		return new PoolInfo(3, "gpu", "127.0.0.1:4001", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS,
				state == PoolState.UP, 4242, state, restarts, lastFailure);
	}

}
