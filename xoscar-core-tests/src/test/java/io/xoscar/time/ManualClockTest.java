package io.xoscar.time;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.test.ActorSystemExtension;
import io.xoscar.test.ManualClock;
import io.xoscar.test.TestActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A system given its own clock: call deadlines and delayed calls wait for the clock, not for real time.
 */
class ManualClockTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder().manualClock().build();

	private final ManualClock clock = this.xoscar.clock();

	public static class Waiter extends Actor {

		static volatile CountDownLatch release;

		static volatile CountDownLatch pinged;

		public String hold() throws InterruptedException {
			release.await(30, TimeUnit.SECONDS);
			return "released";
		}

		public void ping() {
			pinged.countDown();
		}

	}

	ManualClockTest() {
		Waiter.release = new CountDownLatch(1);
		Waiter.pinged = new CountDownLatch(1);
	}

	@AfterEach
	void release() {
		Waiter.release.countDown();
	}

	@Test
	void aCallTimesOutWhenTheClockPassesItsTimeoutNotBefore(@TestActor ActorHandle<Waiter> waiter) throws Exception {
		CompletableFuture<Object> held = waiter.method("hold").withTimeout(Duration.ofMinutes(10)).send();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(held).isNotDone();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(held).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CallTimeoutException.class)
			.withMessageContaining("did not complete within PT10M");
	}

	@Test
	void aDelayedCallIsMadeWhenTheClockReachesIt(@TestActor ActorHandle<Waiter> waiter) throws Exception {
		CompletableFuture<Void> told = waiter.method("ping").tellDelay(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(told).isNotDone();
		assertThat(Waiter.pinged.getCount()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(Waiter.pinged.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(told).succeedsWithin(Duration.ofSeconds(5));
	}

}
