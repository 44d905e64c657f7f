package io.xoscar.spring.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.RecoveryConfig;
import io.xoscar.recovery.RestartLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code xoscar.recovery.*} property reaches the node's {@link RecoveryConfig}, and their
 * defaults are the core's.
 */
class RecoveryPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1");

	@Test
	void defaultsAreTheCoreDefaults() {
		this.runner.run((context) -> {
			RecoveryConfig recovery = context.getBean(ActorSystemConfig.class).recovery();
			RecoveryConfig core = ActorSystemConfig.builder().build().recovery();
			assertThat(recovery).isEqualTo(core);
			assertThat(recovery.restartProcesses()).isTrue();
			assertThat(recovery.restartActors()).isTrue();
			assertThat(recovery.processLimits()).isEqualTo(RestartLimits.DEFAULTS);
			assertThat(recovery.restartWait()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void restartProcessesTurnsProcessPoolRecoveryOff() {
		this.runner.withPropertyValues("xoscar.recovery.restart-processes=false")
			.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).recovery().restartProcesses())
				.isFalse());
	}

	@Test
	void restartActorsTurnsActorSupervisionOff() {
		this.runner.withPropertyValues("xoscar.recovery.restart-actors=false")
			.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).recovery().restartActors()).isFalse());
	}

	@Test
	void limitsAndBackoffBecomeTheProcessPoolsRestartLimits() {
		this.runner
			.withPropertyValues("xoscar.recovery.max-restarts=3", "xoscar.recovery.restart-window=30s",
					"xoscar.recovery.min-backoff=50ms", "xoscar.recovery.max-backoff=2s", "xoscar.recovery.jitter=0.5")
			.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).recovery().processLimits())
				.isEqualTo(new RestartLimits(3, Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofSeconds(2),
						0.5)));
	}

	@Test
	void zeroRestartsAndNoBackoffOrJitterAreAllowed() {
		this.runner
			.withPropertyValues("xoscar.recovery.max-restarts=0", "xoscar.recovery.min-backoff=0s",
					"xoscar.recovery.max-backoff=0s", "xoscar.recovery.jitter=0")
			.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).recovery().processLimits())
				.isEqualTo(new RestartLimits(0, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, 0)));
	}

	@Test
	void restartWaitBoundsCallsMadeWhileAPoolRestarts() {
		this.runner.withPropertyValues("xoscar.recovery.restart-wait=4s")
			.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).recovery().restartWait())
				.isEqualTo(Duration.ofSeconds(4)));
	}

	@Test
	void aCustomizerStillHasTheLastWord() {
		this.runner.withPropertyValues("xoscar.recovery.restart-wait=4s")
			.withBean(XoscarActorSystemCustomizer.class, () -> (builder) -> builder.restartWait(Duration.ofSeconds(9)))
			.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).recovery().restartWait())
				.isEqualTo(Duration.ofSeconds(9)));
	}

}
