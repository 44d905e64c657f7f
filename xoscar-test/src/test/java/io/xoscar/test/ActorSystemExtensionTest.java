package io.xoscar.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.DeadlockException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One system for the whole class, with declared pools, on a manual clock; its parts and new actors
 * are injected.
 */
class ActorSystemExtensionTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.threadPool("cpu", 2)
		.manualClock()
		.configure((config) -> config.slowCallThreshold(Duration.ofMinutes(1)))
		.build();

	private static ActorSystem seen;

	/** An actor for the tests. */
	public static class Worker extends Actor {

		static volatile CountDownLatch release = new CountDownLatch(0);

		static volatile CountDownLatch pinged = new CountDownLatch(1);

		static volatile CountDownLatch holding = new CountDownLatch(1);

		public String hold() throws InterruptedException {
			holding.countDown();
			release.await(30, TimeUnit.SECONDS);
			return "released";
		}

		public void ping() {
			pinged.countDown();
		}

		public String callSelf() {
			return self().method("hold").call();
		}

	}

	@AfterAll
	static void stillTheSameSystem(ActorSystem system) {
		assertThat(system).isSameAs(seen);
	}

	@Test
	void injectsTheSystemWithItsPools(ActorSystem system) {
		assertThat(system).isSameAs(xoscar.system());
		assertThat(system.pools()).extracting(ActorSystem.PoolInfo::name).contains("cpu");
		assertThat(system.pools()).hasSize(3);
		seen = system;
	}

	@Test
	void createsTheActorsTestsAskForWhereAsked(@TestActor(uid = "worker", pool = 2) ActorHandle<Worker> worker,
			ActorSystem system) {
		assertThat(worker.uid()).isEqualTo("worker");
		assertThat(worker.address()).isEqualTo(system.pools().get(2).address());
		assertThat(system.hasActor(worker).join()).isTrue();
		seen = system;
	}

	@Test
	void aCallTimesOutWhenTheClockIsAdvancedPastItsTimeout(@TestActor ActorHandle<Worker> worker, ManualClock clock) {
		Worker.release = new CountDownLatch(1);
		try {
			CompletableFuture<Object> held = worker.method("hold").withTimeout(Duration.ofMinutes(10)).send();
			clock.advance(Duration.ofMinutes(9));
			assertThat(held).isNotDone();
			clock.advance(Duration.ofMinutes(1));
			assertThat(held).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(CallTimeoutException.class);
		}
		finally {
			Worker.release.countDown();
		}
	}

	@Test
	void aDelayedCallIsMadeWhenTheClockReachesIt(@TestActor ActorHandle<Worker> worker, ManualClock clock)
			throws InterruptedException {
		Worker.pinged = new CountDownLatch(1);
		CompletableFuture<Void> told = worker.method("ping").tellDelay(Duration.ofHours(1));
		clock.advance(Duration.ofMinutes(59));
		assertThat(told).isNotDone();
		clock.advance(Duration.ofMinutes(1));
		assertThat(Worker.pinged.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aSlowCallAlertIsRaisedWhenTheClockPassesTheThreshold(@TestActor(uid = "slow") ActorHandle<Worker> worker,
			ManualClock clock, DebugEventRecorder events) throws InterruptedException {
		Worker.release = new CountDownLatch(1);
		Worker.holding = new CountDownLatch(1);
		try {
			CompletableFuture<Object> held = worker.method("hold").withTimeout(Duration.ofHours(1)).send();
			// a call's running time counts from when it starts: advance once it runs
			assertThat(Worker.holding.await(5, TimeUnit.SECONDS)).isTrue();
			clock.advance(Duration.ofMinutes(2));
			SlowCallAlert alert = events.awaitAlert((raised) -> raised.uid().equals("slow"), Duration.ofSeconds(10));
			assertThat(alert.kind()).isEqualTo(SlowCallAlert.Kind.SLOW_CALL);
			assertThat(alert.method()).isEqualTo("hold");
			Worker.release.countDown();
			assertThat(held).succeedsWithin(Duration.ofSeconds(5));
			assertThat(events.awaitAlertEnded((ended) -> ended.uid().equals("slow"), Duration.ofSeconds(10)).ended())
				.isTrue();
		}
		finally {
			Worker.release.countDown();
		}
	}

	@Test
	void aDeadlockReportCanBeAwaited(@TestActor(uid = "selfish", pool = 1) ActorHandle<Worker> worker,
			DebugEventRecorder events) {
		assertThat(worker.method("callSelf").send()).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(DeadlockException.class);
		DeadlockReport report = events.awaitDeadlock(Duration.ofSeconds(10));
		assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.CALL_CHAIN);
		assertThat(report.cycle()).extracting(DeadlockReport.Step::uid).contains("selfish");
	}

}
