package io.xoscar.debug;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.DeadlockException;
import io.xoscar.test.ActorSystemExtension;
import io.xoscar.test.DebugEventRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Deadlocks are reported: each detection is recorded (bounded history), logged once, counted and
 * heard by listeners; the periodic check finds cycles through waits the call chain cannot show.
 */
class DeadlockReportTest {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub").count(2).threads(1))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(4))
			.meterRegistry(this.registry))
		.build();

	private final ActorSystem system = this.xoscar.system();

	private final DebugEventRecorder events = this.xoscar.debugEvents();

	public static class Peer extends Actor {

		public String callSelf() {
			return self().method("ping").call();
		}

		public String ping() {
			return "pong";
		}

		/** Waits for {@code other} through a future derived from the call: a wait the chain cannot show. */
		public String askThroughDerivedFuture(ActorHandle<Peer> other) {
			return other.method("callBack").<String>send(self()).thenApply((answer) -> answer).join();
		}

		/** Sends to {@code other} without waiting, waits until its call back is queued here, then joins. */
		public String sendThenJoinOnceCalledBack(ActorHandle<Peer> other) {
			CompletableFuture<String> answer = other.method("callBack").send(self());
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> system().actors().join().stream()
					.anyMatch((actor) -> actor.uid().equals(uid()) && actor.backlog() > 0));
			return answer.join();
		}

		public String callBack(ActorHandle<Peer> caller) {
			return caller.method("ping").call();
		}

	}

	private ActorHandle<Peer> peer(String uid, int pool) {
		return this.system.createActor(Peer.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
	}

	@Test
	void aDeadlockFailingFastIsRecordedCountedAndHeard() throws Exception {
		ActorHandle<Peer> a = peer("a", 1);
		try (LogCapture log = new LogCapture("io.xoscar.debug")) {
			assertThatThrownBy(() -> a.method("callSelf").send().get(1, TimeUnit.SECONDS))
				.hasCauseInstanceOf(DeadlockException.class);
			DeadlockReport report = this.events.awaitDeadlock(WITHIN);
			assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.CALL_CHAIN);
			assertThat(report.cycle()).containsExactly(new DeadlockReport.Step("a", "Peer", "callSelf", a.address()),
					new DeadlockReport.Step("a", "Peer", "ping", a.address()));
			assertThat(report.message()).isEqualTo("deadlock: 'a' (Peer).callSelf at " + a.address()
					+ " -> 'a' (Peer).ping at " + a.address()
					+ "; the first actor waits for the last call, which would wait for it");
			assertThat(report.pool()).isEqualTo(1);
			assertThat(report.address()).isEqualTo(a.address());
			assertThat(report.stack()).anyMatch((frame) -> frame.contains(Peer.class.getName() + ".callSelf("));
			assertThat(this.system.deadlocks()).containsExactly(report);

			// the same cycle again: recorded and counted, not logged again
			assertThatThrownBy(() -> a.method("callSelf").send().get(1, TimeUnit.SECONDS))
				.hasCauseInstanceOf(DeadlockException.class);
			this.events.awaitDeadlocks(2, WITHIN);
			assertThat(this.system.deadlocks()).hasSize(2);
			assertThat(log.warnings()).filteredOn((line) -> line.startsWith("Deadlock: deadlock: 'a' (Peer).callSelf"))
				.hasSize(1);
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(
						this.registry.get("xoscar.deadlocks").tag("detection", "call-chain").counter().count())
					.isEqualTo(2));
		}
	}

	@Test
	void aCycleThroughAWaitTheChainCannotShowIsFoundByThePeriodicCheck() throws Exception {
		ActorHandle<Peer> a = peer("a", 1);
		ActorHandle<Peer> b = peer("b", 2);
		CompletableFuture<String> stuck = a.method("askThroughDerivedFuture").send(b);
		DeadlockReport report = this.events.awaitDeadlock(WITHIN);
		assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.WAIT_FOR_GRAPH);
		assertThat(report.cycle()).extracting(DeadlockReport.Step::toString)
			.containsExactly("'a' (Peer).askThroughDerivedFuture at " + a.address(),
					"'b' (Peer).callBack at " + b.address(), "'a' (Peer).ping at " + a.address());
		assertThat(report.message()).contains("'a' has been blocked for ")
			.contains("in a wait its call chain does not show");
		assertThat(report.stack()).anyMatch((frame) -> frame.contains(Peer.class.getName() + ".askThroughDerivedFuture("));
		assertThat(stuck).isNotDone();
		// reported, not broken: the call back to 'a' gives up at its timeout, which frees both
		assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(CallTimeoutException.class);
	}

	@Test
	void anActorThatStartsWaitingAfterItsCallerQueuedFailsTheQueuedCall() throws Exception {
		ActorHandle<Peer> a = peer("a", 1);
		ActorHandle<Peer> b = peer("b", 2);
		long started = System.nanoTime();
		assertThatThrownBy(() -> a.method("sendThenJoinOnceCalledBack").send(b).get(5, TimeUnit.SECONDS))
			.hasRootCauseInstanceOf(DeadlockException.class)
			.hasMessageContaining("'a' (Peer).sendThenJoinOnceCalledBack at " + a.address() + " -> 'b' (Peer).callBack at "
					+ b.address() + " -> 'a' (Peer).ping at " + a.address());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.events.awaitDeadlock(WITHIN).detection())
			.isEqualTo(DeadlockReport.Detection.CALL_CHAIN);
		assertThat(a.method("ping").<String>call()).isEqualTo("pong");
	}

}
