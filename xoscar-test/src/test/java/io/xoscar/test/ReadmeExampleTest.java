package io.xoscar.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.DeadlockException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's example, as it is written there (with a process pool).
 */
class ReadmeExampleTest {

	@RegisterExtension
	static ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.threadPool("cpu", 2)
		.processPool("gpu", 1)
		.manualClock()
		.configure((config) -> config.slowCallThreshold(Duration.ofMinutes(1)))
		.build();

	/** The README's actor. */
	public static class OrderActor extends Actor {

		static volatile CountDownLatch shipped = new CountDownLatch(1);

		public String place(String item) throws InterruptedException {
			shipped.await(30, TimeUnit.SECONDS);
			return item;
		}

		public String callMyself() {
			return self().method("place").call("self");
		}

	}

	@BeforeEach
	void takeOrders() {
		OrderActor.shipped = new CountDownLatch(1);
	}

	@AfterEach
	void ship() {
		OrderActor.shipped.countDown();
	}

	@Test
	void anOrderTimesOutWhenItsDeadlinePasses(@TestActor(uid = "orders", pool = 1) ActorHandle<OrderActor> orders,
			ManualClock clock) {
		CompletableFuture<Object> placed = orders.method("place").withTimeout(Duration.ofMinutes(10)).send("book");
		clock.advance(Duration.ofMinutes(10));
		assertThat(placed).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CallTimeoutException.class);
	}

	@Test
	void aCallBackIntoTheSameActorIsReported(@TestActor ActorHandle<OrderActor> orders, DebugEventRecorder debugEvents) {
		assertThatThrownBy(() -> orders.method("callMyself").call()).isInstanceOf(DeadlockException.class);
		DeadlockReport report = debugEvents.awaitDeadlock(Duration.ofSeconds(10));
		assertThat(report.cycle()).extracting(DeadlockReport.Step::uid).contains(orders.uid());
	}

	@Test
	void actorsCanLiveInTheProcessPool(@TestActor(pool = 3) ActorHandle<OrderActor> remote, ActorSystem system) {
		assertThat(remote.address()).isEqualTo(system.pools().get(3).address());
		assertThat(system.pools().get(3).pid()).isNotEqualTo(ProcessHandle.current().pid());
		assertThatThrownBy(() -> remote.method("callMyself").call()).isInstanceOf(DeadlockException.class);
	}

}
