package io.xoscar.transport;

import org.junit.jupiter.api.Test;

import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first exception that crosses between two fresh JVMs (a node and its process pool) costs about
 * what later ones cost: both nodes warm the error path when they start. Measured in a fresh JVM
 * (this test's JVM has crossed exceptions already). What made it slow is class loading (Jackson's
 * bean (de)serializers, reflection): counted, it is a deterministic measure; the time bound is
 * generous for a loaded machine (the cold path took 0.2-0.9 s).
 */
class FirstRemoteErrorTest {

	@Test
	void theFirstRemoteExceptionIsNotSlow() {
		try (ChildJvm child = ChildJvm.start(ChildJvmSpec.of("first-error", FirstRemoteErrorMain.class.getName())
			.withJvmArgs("-Xmx128m"))) {
			String[] figures = child.readyPayload().split(" ");
			long first = Long.parseLong(figures[0]);
			long second = Long.parseLong(figures[1]);
			long callerClasses = Long.parseLong(figures[2]);
			long calleeClasses = Long.parseLong(figures[3]);
			System.out.println("first remote exception: " + first + " µs, second: " + second + " µs; classes loaded by the "
					+ "first: " + callerClasses + " by the caller, " + calleeClasses + " by the callee");
			assertThat(callerClasses).as("classes the caller loads for the first remote exception").isLessThan(20);
			assertThat(calleeClasses).as("classes the callee loads for the first remote exception").isLessThan(20);
			assertThat(first).as("first remote exception, µs").isLessThan(300_000);
		}
	}

}
