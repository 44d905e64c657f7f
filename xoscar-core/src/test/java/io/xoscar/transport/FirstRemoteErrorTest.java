package io.xoscar.transport;

import org.junit.jupiter.api.Test;

import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first exception that crosses between two fresh JVMs (a node and its process pool) costs about
 * what later ones cost: both nodes warm the error path when they start. Measured in a fresh JVM
 * (this test's JVM has crossed exceptions already); the bound is generous for a loaded machine, the
 * cold path took 0.5-0.9 s.
 */
class FirstRemoteErrorTest {

	@Test
	void theFirstRemoteExceptionIsNotSlow() {
		try (ChildJvm child = ChildJvm.start(ChildJvmSpec.of("first-error", FirstRemoteErrorMain.class.getName())
			.withJvmArgs("-Xmx128m"))) {
			String[] micros = child.readyPayload().split(" ");
			long first = Long.parseLong(micros[0]);
			long second = Long.parseLong(micros[1]);
			System.out.println("first remote exception: " + first + " µs, second: " + second + " µs");
			assertThat(first).as("first remote exception, µs").isLessThan(300_000);
		}
	}

}
