package io.xoscar.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Registered on an instance field, the extension gives each test its own system, on the machine's
 * clock unless asked otherwise.
 */
class PerTestSystemTest {

	private static ActorSystem previous;

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.configure((config) -> config.callTimeout(Duration.ofSeconds(7)))
		.build();

	@Test
	void eachTestHasItsOwnSystem(ActorSystem system) {
		assertThat(system).isNotSameAs(previous);
		assertThat(this.xoscar.config().callTimeout()).isEqualTo(Duration.ofSeconds(7));
		previous = system;
	}

	@Test
	void everyTestHasItsOwnSystemToo(ActorSystem system) {
		assertThat(system).isNotSameAs(previous);
		previous = system;
	}

	@Test
	void hasNoManualClockUnlessAsked() {
		assertThatIllegalStateException().isThrownBy(this.xoscar::clock).withMessageContaining("manualClock()");
	}

}
