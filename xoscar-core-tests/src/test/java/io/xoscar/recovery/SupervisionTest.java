package io.xoscar.recovery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.test.ActorSystemExtension;
import io.xoscar.test.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Supervision of actors in one JVM: a method throwing a listed exception restarts its actor (same
 * uid, class and constructor arguments, fresh state), within limits and with backoff; when the
 * limits are spent the actor is removed and calls fail saying why.
 */
class SupervisionTest {

	static final List<String> events = new CopyOnWriteArrayList<>();

	/** No backoff, so that restarts follow each other at once. */
	static final RestartLimits QUICK = new RestartLimits(3, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, 0);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.mainPoolThreads(2)
		.configure((config) -> config.meterRegistry(this.registry))
		.build();

	@RegisterExtension
	final ActorSystemExtension manual = ActorSystemExtension.builder().mainPoolThreads(2).manualClock().build();

	@RegisterExtension
	final ActorSystemExtension noRestarts = ActorSystemExtension.builder()
		.configure((config) -> config.restartActors(false))
		.build();

	@RegisterExtension
	final ActorSystemExtension withProcessPool = ActorSystemExtension.builder().processPool("proc", 1).build();

	@BeforeEach
	void clear() {
		events.clear();
		FlakyStart.attempts.set(0);
	}

	public static class Counter extends Actor {

		static final AtomicInteger generations = new AtomicInteger();

		private final String name;

		private final int generation = generations.incrementAndGet();

		private int count;

		public Counter(String name) {
			this.name = name;
		}

		@Override
		protected void postCreate() {
			events.add("postCreate " + this.generation);
		}

		@Override
		protected void preDestroy() {
			events.add("preDestroy " + this.generation);
			if (this.name.equals("c1") && this.count > 0) {
				throw new IllegalStateException("preDestroy fails, and is only logged");
			}
		}

		public int increment() {
			return ++this.count;
		}

		public String name() {
			return this.name;
		}

		public int generation() {
			return this.generation;
		}

		public void fail(String message) {
			throw new IllegalStateException(message);
		}

		public void reject() {
			throw new IllegalArgumentException("rejected");
		}

		public void failWhenReleased(CountDownLatch started, CountDownLatch release) throws InterruptedException {
			started.countDown();
			release.await(10, TimeUnit.SECONDS);
			throw new IllegalStateException("released");
		}

		public CompletableFuture<Integer> failLater() {
			return CompletableFuture.supplyAsync(() -> {
				throw new IllegalStateException("async boom");
			});
		}

	}

	public static class StatelessCounter extends StatelessActor {

		private final AtomicInteger count = new AtomicInteger();

		public int increment() {
			return this.count.incrementAndGet();
		}

		public void fail() {
			throw new IllegalStateException("stateless boom");
		}

	}

	/** Its postCreate fails the first two times. */
	public static class FlakyStart extends Actor {

		static final AtomicInteger attempts = new AtomicInteger();

		private final int limit;

		public FlakyStart(Integer limit) {
			this.limit = limit;
		}

		@Override
		protected void postCreate() {
			if (attempts.incrementAndGet() <= this.limit) {
				throw new IllegalStateException("not ready (attempt " + attempts.get() + ")");
			}
		}

		public int attempts() {
			return attempts.get();
		}

	}

	private static CreateOptions restartingOnIllegalState(String uid, RestartLimits limits) {
		return CreateOptions.uid(uid).withSupervision(Supervision.restartOn(IllegalStateException.class).withLimits(limits));
	}

	private static <T> ActorHandle<T> create(ActorSystem system, Class<T> type, CreateOptions options, Object... args)
			throws Exception {
		return system.createActor(type.asSubclass(io.xoscar.AbstractActor.class), options, args)
			.thenApply((handle) -> system.handle(handle.address(), handle.uid(), type))
			.get(10, TimeUnit.SECONDS);
	}

	private static ActorSystem.ActorInfo listed(ActorSystem system, String uid) throws Exception {
		return system.actors()
			.get(10, TimeUnit.SECONDS)
			.stream()
			.filter((actor) -> actor.uid().equals(uid))
			.findFirst()
			.orElse(null);
	}

	@Test
	void aListedExceptionRestartsTheActorWithItsConstructorArguments() throws Exception {
		ActorSystem system = this.xoscar.system();
		ActorHandle<Counter> counter = create(system, Counter.class, restartingOnIllegalState("counter", QUICK), "c1");
		assertThat((Integer) counter.method("increment").call()).isEqualTo(1);
		assertThat((Integer) counter.method("increment").call()).isEqualTo(2);
		int first = counter.method("generation").call();

		assertThatThrownBy(() -> counter.method("fail").call("boom")).isInstanceOf(IllegalStateException.class)
			.hasMessage("boom");

		assertThat((Integer) counter.method("increment").call()).as("fresh state").isEqualTo(1);
		assertThat((Integer) counter.method("generation").call()).as("a new instance").isGreaterThan(first);
		assertThat((String) counter.method("name").call()).as("same constructor arguments").isEqualTo("c1");
		int second = counter.method("generation").call();
		assertThat(events).containsSubsequence("postCreate " + first, "preDestroy " + first, "postCreate " + second);

		ActorSystem.ActorInfo info = listed(system, "counter");
		assertThat(info.restarts()).isEqualTo(1);
		assertThat(info.lastRestartReason()).isEqualTo("IllegalStateException: boom");
		assertThat(this.registry.get("xoscar.actor.restarts")
			.tags("pool", "main", "actor", Counter.class.getName(), "reason", "IllegalStateException")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void anExceptionNotListedOnlyFailsItsCall() throws Exception {
		ActorHandle<Counter> counter = create(this.xoscar.system(), Counter.class, restartingOnIllegalState("kept", QUICK),
				"c");
		counter.method("increment").call();
		assertThatThrownBy(() -> counter.method("reject").call()).isInstanceOf(IllegalArgumentException.class);
		assertThat((Integer) counter.method("increment").call()).isEqualTo(2);
		assertThat(listed(this.xoscar.system(), "kept").restarts()).isZero();
	}

	@Test
	void callsQueuedBehindTheFailingOneRunOnTheNewInstance() throws Exception {
		ActorHandle<Counter> counter = create(this.xoscar.system(), Counter.class, restartingOnIllegalState("queue", QUICK),
				"q");
		counter.method("increment").call();
		int first = counter.method("generation").call();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Object> failing = counter.method("failWhenReleased").send(started, release);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<Integer>> queued = List.of(counter.method("increment").send(),
				counter.method("increment").send(), counter.method("increment").send());
		CompletableFuture<Integer> generation = counter.method("generation").send();

		release.countDown();

		assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(IllegalStateException.class);
		assertThat(queued.stream().map((call) -> call.orTimeout(10, TimeUnit.SECONDS).join()).toList())
			.containsExactly(1, 2, 3);
		assertThat(generation.get(10, TimeUnit.SECONDS)).isGreaterThan(first);
	}

	@Test
	void anAsynchronousMethodsFailureRestartsTheActor() throws Exception {
		ActorHandle<Counter> counter = create(this.xoscar.system(), Counter.class, restartingOnIllegalState("async", QUICK),
				"a");
		counter.method("increment").call();
		counter.method("increment").call();
		CompletableFuture<Integer> failing = counter.method("failLater").send();
		assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
			.hasRootCauseMessage("async boom");
		assertThat((Integer) counter.method("increment").call()).isEqualTo(1);
	}

	@Test
	void aStatelessActorIsRestartedToo() throws Exception {
		ActorHandle<StatelessCounter> counter = create(this.xoscar.system(), StatelessCounter.class,
				restartingOnIllegalState("stateless", QUICK));
		counter.method("increment").call();
		counter.method("increment").call();
		assertThatThrownBy(() -> counter.method("fail").call()).isInstanceOf(IllegalStateException.class);
		assertThat((Integer) counter.method("increment").call()).isEqualTo(1);
	}

	@Test
	void restartsAfterTheFirstWaitOutTheBackoffWhileCallsQueue() throws Exception {
		ManualClock clock = this.manual.clock();
		RestartLimits limits = new RestartLimits(5, Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(10),
				0);
		ActorHandle<Counter> counter = create(this.manual.system(), Counter.class,
				restartingOnIllegalState("backoff", limits), "b");
		counter.method("increment").call();
		assertThatThrownBy(() -> counter.method("fail").call("first")).isInstanceOf(IllegalStateException.class);
		assertThat(counter.method("increment").send().get(10, TimeUnit.SECONDS)).as("first restart at once")
			.isEqualTo(1);

		assertThatThrownBy(() -> counter.method("fail").call("second")).isInstanceOf(IllegalStateException.class);
		CompletableFuture<Integer> waiting = counter.method("increment").send();
		assertThat(clock.pendingDelays()).contains(Duration.ofMillis(200));
		assertThat(waiting).isNotDone();
		clock.advance(Duration.ofMillis(199));
		assertThat(waiting).isNotDone();
		clock.advance(Duration.ofMillis(1));
		assertThat(waiting.get(10, TimeUnit.SECONDS)).as("queued, then run on the new instance").isEqualTo(1);

		assertThatThrownBy(() -> counter.method("fail").call("third")).isInstanceOf(IllegalStateException.class);
		assertThat(clock.pendingDelays()).contains(Duration.ofMillis(400));
		CompletableFuture<Integer> doubled = counter.method("increment").send();
		clock.advance(Duration.ofMillis(400));
		assertThat(doubled.get(10, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void givesUpWhenTheLimitsAreSpentAndCallsFailSayingWhy() throws Exception {
		ActorSystem system = this.xoscar.system();
		List<RecoveryEvent> heard = new CopyOnWriteArrayList<>();
		system.addRecoveryListener(heard::add);
		RestartLimits twice = new RestartLimits(2, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, 0);
		ActorHandle<Counter> counter = create(system, Counter.class, restartingOnIllegalState("doomed", twice), "d");
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> counter.method("fail").call("boom")).isInstanceOf(IllegalStateException.class);
		}
		String why = "actor 'doomed' (Counter) at " + counter.address()
				+ " was removed: it failed 3 times within 1m, last with IllegalStateException: boom";
		assertThatThrownBy(() -> counter.method("increment").call()).isInstanceOf(ActorNotFoundException.class)
			.hasMessage(why);
		assertThatThrownBy(() -> system.handle(system.address(), "doomed", Counter.class).method("increment").call())
			.isInstanceOf(ActorNotFoundException.class)
			.hasMessage(why);
		assertThat(listed(system, "doomed")).isNull();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(heard).filteredOn(RecoveryEvent.ActorGaveUp.class::isInstance)
				.singleElement()
				.satisfies((event) -> {
					RecoveryEvent.ActorGaveUp gaveUp = (RecoveryEvent.ActorGaveUp) event;
					assertThat(gaveUp.uid()).isEqualTo("doomed");
					assertThat(gaveUp.restarts()).isEqualTo(2);
					assertThat(gaveUp.reason()).isEqualTo("IllegalStateException: boom");
				}));

		ActorHandle<Counter> again = create(system, Counter.class, CreateOptions.uid("doomed"), "d2");
		assertThat((String) again.method("name").call()).as("the uid can be used again").isEqualTo("d2");
	}

	@Test
	void aFailingPostCreateIsRetriedAtCreation() throws Exception {
		ActorSystem system = this.xoscar.system();
		CreateOptions options = CreateOptions.uid("flaky")
			.withSupervision(new Supervision(List.of(), true, QUICK));
		ActorHandle<FlakyStart> flaky = create(system, FlakyStart.class, options, 2);
		assertThat((Integer) flaky.method("attempts").call()).isEqualTo(3);
		assertThat(listed(system, "flaky").restarts()).isEqualTo(2);
		assertThat(listed(system, "flaky").lastRestartReason()).isEqualTo("IllegalStateException: not ready (attempt 2)");
	}

	@Test
	void creationFailsWithTheLastErrorWhenPostCreateKeepsFailing() {
		CreateOptions options = CreateOptions.uid("never")
			.withSupervision(new Supervision(List.of(), true, QUICK));
		assertThatThrownBy(() -> create(this.xoscar.system(), FlakyStart.class, options, 100))
			.isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(IllegalStateException.class)
			.hasRootCauseMessage("not ready (attempt 4)");
		assertThat(FlakyStart.attempts).hasValue(4);
	}

	@Test
	void withRestartActorsOffAPolicyIsIgnored() throws Exception {
		ActorHandle<Counter> counter = create(this.noRestarts.system(), Counter.class,
				restartingOnIllegalState("ignored", QUICK), "i");
		counter.method("increment").call();
		assertThatThrownBy(() -> counter.method("fail").call("boom")).isInstanceOf(IllegalStateException.class);
		assertThat((Integer) counter.method("increment").call()).isEqualTo(2);
		assertThat(listed(this.noRestarts.system(), "ignored").restarts()).isZero();
	}

	@Test
	void aSupervisedActorInAProcessPoolIsRefusedSayingWhy() {
		ActorSystem system = this.withProcessPool.system();
		CreateOptions options = restartingOnIllegalState("remote", QUICK).placement(Placement.pool(1));
		assertThatThrownBy(() -> create(system, Counter.class, options, "r")).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("cannot create actor 'remote' with a supervision in process pool 1 (proc) at ")
			.hasMessageEndingWith("supervision restarts actors of this JVM's pools; a process pool's actors come back"
					+ " with its process");
	}

	@Test
	void listenersHearRestartsAndOneThatThrowsDoesNotStopThem() throws Exception {
		ActorSystem system = this.xoscar.system();
		system.addRecoveryListener((event) -> {
			throw new IllegalStateException("listener fails");
		});
		List<RecoveryEvent> heard = new CopyOnWriteArrayList<>();
		system.addRecoveryListener(heard::add);
		ActorHandle<Counter> counter = create(system, Counter.class, restartingOnIllegalState("heard", QUICK), "h");
		assertThatThrownBy(() -> counter.method("fail").call("one")).isInstanceOf(IllegalStateException.class);
		counter.method("increment").call();
		assertThatThrownBy(() -> counter.method("fail").call("two")).isInstanceOf(IllegalStateException.class);
		counter.method("increment").call();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard).hasSize(2));
		assertThat(heard).allSatisfy((event) -> assertThat(event).isInstanceOf(RecoveryEvent.ActorRestarted.class));
		RecoveryEvent.ActorRestarted second = (RecoveryEvent.ActorRestarted) heard.get(1);
		assertThat(second.uid()).isEqualTo("heard");
		assertThat(second.actorClass()).isEqualTo(Counter.class.getName());
		assertThat(second.address()).isEqualTo(counter.address());
		assertThat(second.restarts()).isEqualTo(2);
		assertThat(second.reason()).isEqualTo("IllegalStateException: two");
	}

}
