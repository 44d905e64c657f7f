package io.xoscar.debug;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.SlowCallThreshold;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;
import io.xoscar.test.DebugEventRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow-call and backlog alerts (behaviour 26): raised while the call still runs or waits, with the
 * stack of the thread that matters, published to listeners, the history, the log and the meters,
 * and published again with the final duration when the call ends.
 */
class SlowCallAlertTest {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	/** What a test sets before its system starts. */
	private Consumer<ActorSystemConfig.Builder> tuning = (config) -> {
	};

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub").count(2).threads(1))
		.configure((config) -> this.tuning.accept(config))
		.build();

	private final DebugEventRecorder events = this.xoscar.debugEvents();

	private ActorSystem system;

	private ActorSystem start(Consumer<ActorSystemConfig.Builder> tuning) {
		this.tuning = tuning;
		this.system = this.xoscar.system();
		return this.system;
	}

	public static class Worker extends Actor {

		public String sleep(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept " + millis;
		}

		public String fast() {
			return "fast";
		}

		public String block(CountDownLatch release) throws InterruptedException {
			release.await(20, TimeUnit.SECONDS);
			return "released";
		}

		@SlowCallThreshold("200ms")
		public String sleepBriefly(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept " + millis;
		}

		public CompletableFuture<String> awaitSleep(ActorHandle<Worker> other, long millis) {
			return other.method("sleep").send(millis);
		}

	}

	private ActorHandle<Worker> worker(String uid, int pool) {
		return this.system.createActor(Worker.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
	}

	@Test
	void aCallRunningPastTheThresholdRaisesAnAlertWithItsStackThenItsDuration() throws Exception {
		start((config) -> config.slowCallThreshold(Duration.ofSeconds(1)));
		ActorHandle<Worker> worker = worker("slow", 1);
		try (LogCapture log = new LogCapture("io.xoscar.debug")) {
			CompletableFuture<String> call = worker.method("sleep").send(1200L);
			SlowCallAlert alert = this.events.awaitAlert((raised) -> true, WITHIN);
			assertThat(alert.kind()).isEqualTo(SlowCallAlert.Kind.SLOW_CALL);
			assertThat(alert.ended()).isFalse();
			assertThat(alert.uid()).isEqualTo("slow");
			assertThat(alert.actorClass()).isEqualTo(Worker.class.getName());
			assertThat(alert.method()).isEqualTo("sleep");
			assertThat(alert.address()).isEqualTo(worker.address());
			assertThat(alert.pool()).isEqualTo(1);
			assertThat(alert.caller()).isEqualTo("thread " + Thread.currentThread().getName());
			assertThat(alert.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			assertThat(alert.threshold()).isEqualTo(Duration.ofSeconds(1));
			assertThat(alert.state()).startsWith("running on thread xoscar-sub-1-");
			assertThat(alert.thread()).startsWith("xoscar-sub-1-");
			assertThat(alert.stack()).anyMatch((frame) -> frame.contains(Worker.class.getName() + ".sleep("));
			assertThat(log.warnings()).anyMatch((line) -> line.startsWith("Slow call: actor 'slow' (Worker) method sleep at "
					+ worker.address() + " has been running for ") && line.contains(Worker.class.getName() + ".sleep("));

			assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("slept 1200");
			SlowCallAlert ended = this.events.awaitAlertEnded((done) -> done.id() == alert.id(), WITHIN);
			assertThat(ended.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1190));
			assertThat(this.system.slowCalls()).containsExactly(ended);
		}
	}

	@Test
	void theAlertIsRaisedWhileTheCallStillRuns() throws Exception {
		start((config) -> config.slowCallThreshold(Duration.ofMillis(300)));
		ActorHandle<Worker> worker = worker("stuck", 1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> call = worker.method("block").send(release);
		SlowCallAlert alert = this.events.awaitAlert((raised) -> true, WITHIN);
		assertThat(call).isNotDone();
		assertThat(alert.method()).isEqualTo("block");
		assertThat(this.system.slowCalls()).singleElement().satisfies((listed) -> assertThat(listed.ended()).isFalse());
		release.countDown();
		assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("released");
		assertThat(this.events.awaitAlertEnded((done) -> done.id() == alert.id(), WITHIN).duration())
			.isGreaterThanOrEqualTo(alert.elapsed());
	}

	@Test
	void fastCallsRaiseNoAlert() throws Exception {
		start((config) -> config.slowCallThreshold(Duration.ofMillis(500)));
		ActorHandle<Worker> worker = worker("mixed", 1);
		for (int i = 0; i < 1000; i++) {
			assertThat(worker.method("fast").<String>call()).isEqualTo("fast");
		}
		// the watchdog looks at the actor in call order: once the slow call is seen, the fast ones were passed
		worker.method("sleep").send(700L);
		assertThat(this.events.awaitAlert((raised) -> true, WITHIN).method()).isEqualTo("sleep");
		assertThat(this.events.alerts()).hasSize(1);
		assertThat(this.system.slowCalls()).extracting(SlowCallAlert::method).containsExactly("sleep");
	}

	@Test
	void aMethodsOwnThresholdWinsOverTheNodes() throws Exception {
		start((config) -> config.slowCallThreshold(Duration.ofSeconds(30)));
		ActorHandle<Worker> worker = worker("brief", 1);
		worker.method("sleepBriefly").send(600L);
		SlowCallAlert alert = this.events.awaitAlert((raised) -> true, WITHIN);
		assertThat(alert.method()).isEqualTo("sleepBriefly");
		assertThat(alert.threshold()).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void anAsynchronousCallShowsTheCallItAwaitsAndWhoMadeIt() throws Exception {
		start((config) -> config.slowCallThreshold(Duration.ofMillis(300)));
		ActorHandle<Worker> a = worker("awaiting", 1);
		ActorHandle<Worker> b = worker("sleeping", 2);
		CompletableFuture<String> call = a.method("awaitSleep").send(b, 1000L);
		SlowCallAlert awaiting = this.events.awaitAlert((raised) -> raised.uid().equals("awaiting"), WITHIN);
		assertThat(awaiting.state()).startsWith("awaiting an asynchronous result; its last call: 'sleeping' (Worker).sleep at "
				+ b.address() + ", running for ");
		assertThat(awaiting.stack()).anyMatch((frame) -> frame.contains(Worker.class.getName() + ".sleep("));
		// the callee's alert may come in the same scan as the caller's, before or after it, or in the next
		SlowCallAlert sleeping = await().atMost(WITHIN)
			.until(() -> this.system.slowCalls().stream().filter((raised) -> raised.uid().equals("sleeping")).findFirst(),
					Optional::isPresent)
			.get();
		assertThat(sleeping.caller()).isEqualTo("'awaiting' (Worker).awaitSleep at " + a.address());
		assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("slept 1000");
	}

	@Test
	void aMailboxWaitingPastTheBacklogThresholdRaisesABacklogAlertUntilItsCallStarts() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		start((config) -> config.backlogThreshold(Duration.ofMillis(300)).meterRegistry(registry));
		ActorHandle<Worker> worker = worker("busy", 1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> blocking = worker.method("block").send(release);
		CompletableFuture<String> queued = worker.method("fast").send();
		SlowCallAlert backlog = this.events.awaitAlert((raised) -> true, WITHIN);
		assertThat(backlog.kind()).isEqualTo(SlowCallAlert.Kind.BACKLOG);
		assertThat(backlog.method()).isEqualTo("fast");
		assertThat(backlog.backlog()).isEqualTo(1);
		assertThat(backlog.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(backlog.state()).startsWith("queued, with 1 call(s) in the mailbox; block running for ");
		assertThat(backlog.stack()).anyMatch((frame) -> frame.contains(Worker.class.getName() + ".block("));
		assertThat(queued).isNotDone();
		release.countDown();
		assertThat(blocking.get(5, TimeUnit.SECONDS)).isEqualTo("released");
		assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("fast");
		SlowCallAlert started = this.events.awaitAlertEnded((done) -> done.id() == backlog.id(), WITHIN);
		assertThat(started.duration()).isGreaterThanOrEqualTo(backlog.elapsed());
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(registry.get("xoscar.slow.calls")
				.tags("kind", "backlog", "actor", Worker.class.getName(), "method", "fast")
				.counter()
				.count()).isEqualTo(1));
	}

	@Test
	void theHistoryKeepsTheNewestAlerts() throws Exception {
		start((config) -> config.debugHistory(2));
		ActorHandle<Worker> worker = worker("history", 1);
		for (int i = 0; i < 3; i++) {
			worker.method("sleepBriefly").call(400L);
			this.events.awaitAlertsEnded(i + 1, WITHIN);
		}
		assertThat(this.system.slowCalls()).hasSize(2).allMatch(SlowCallAlert::ended);
	}

}
