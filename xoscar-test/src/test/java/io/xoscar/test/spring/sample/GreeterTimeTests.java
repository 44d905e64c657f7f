package io.xoscar.test.spring.sample;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.test.ManualClock;
import io.xoscar.test.spring.AutoConfigureXoscarTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's actors on the test's manual clock.
 */
@SpringBootTest
@AutoConfigureXoscarTest(manualClock = true)
class GreeterTimeTests {

	@Autowired
	private ActorSystem system;

	@Autowired
	private ManualClock clock;

	@Test
	void theApplicationsActorAnswers() {
		ActorHandle<Greeter> greeter = this.system.handle(this.system.address(), "greeter", Greeter.class);
		assertThat(greeter.method("greet").<String>call("test")).isEqualTo("Hello, test");
	}

	@Test
	void aCallTimesOutWhenTheTestAdvancesTheClock() {
		ActorHandle<Greeter> greeter = this.system.handle(this.system.address(), "greeter", Greeter.class);
		Greeter.release = new CountDownLatch(1);
		try {
			CompletableFuture<Object> held = greeter.method("hold").withTimeout(Duration.ofMinutes(5)).send();
			this.clock.advance(Duration.ofMinutes(4));
			assertThat(held).isNotDone();
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(held).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(CallTimeoutException.class);
		}
		finally {
			Greeter.release.countDown();
		}
	}

	@Test
	void sharesItsContextWithTheOtherTestClass() {
		assertThat(GreeterApplication.contexts).hasValue(1);
	}

}
