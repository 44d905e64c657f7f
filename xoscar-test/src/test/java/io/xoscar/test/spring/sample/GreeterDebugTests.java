package io.xoscar.test.spring.sample;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.exception.DeadlockException;
import io.xoscar.test.DebugEventRecorder;
import io.xoscar.test.ManualClock;
import io.xoscar.test.spring.AutoConfigureXoscarTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's deadlocks, awaited through the recorder; same context as {@link GreeterTimeTests}.
 */
@SpringBootTest
@AutoConfigureXoscarTest(manualClock = true)
class GreeterDebugTests {

	@Autowired
	private ActorSystem system;

	@Autowired
	private DebugEventRecorder debugEvents;

	@Autowired
	private ManualClock clock;

	@Test
	void aDeadlockOfTheApplicationsActorCanBeAwaited() {
		ActorHandle<Greeter> greeter = this.system.handle(this.system.address(), "greeter", Greeter.class);
		assertThat(greeter.method("greetThroughMyself").send("me")).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(DeadlockException.class);
		DeadlockReport report = this.debugEvents
			.awaitDeadlock((found) -> found.cycle().get(0).uid().equals("greeter"), Duration.ofSeconds(10));
		assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.CALL_CHAIN);
		assertThat(report.detectedAt()).isEqualTo(this.clock.now());
	}

	@Test
	void sharesItsContextWithTheOtherTestClass() {
		assertThat(GreeterApplication.contexts).hasValue(1);
	}

}
