package io.xoscar.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * In one JVM: every call made through a handle is observed on the caller's side and on the
 * callee's side, the callee's observation is a child of the caller's (also across nested calls),
 * is current while the method runs, records errors, and lasts until an asynchronous result
 * completes. Without a registry, or with one that makes no observations, calls are unchanged.
 */
class ActorCallObservationTest {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final RecordedObservations recorded = new RecordedObservations();

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("cpu").threads(2))
		.configure((config) -> config.observationRegistry(this.registry))
		.build();

	private ActorSystem system;

	public static class Greeter extends Actor {

		private final ObservationRegistry registry;

		private final CompletableFuture<String> release;

		public Greeter(ObservationRegistry registry, CompletableFuture<String> release) {
			this.registry = registry;
			this.release = release;
		}

		public String greet(String name) {
			return "hello " + name;
		}

		public String fail() {
			throw new IllegalStateException("no greeting today");
		}

		public Flux<String> greetEach(List<String> names) {
			return Flux.fromIterable(names).map((name) -> "hello " + name);
		}

		public CompletableFuture<String> greetLater() {
			return this.release.thenApply((name) -> "hello " + name);
		}

		/** @return the name of the observation current while this method runs */
		public String current() {
			Observation current = this.registry.getCurrentObservation();
			return (current != null) ? current.getContextView().getName() : null;
		}

	}

	public static class Relay extends Actor {

		public String relay(ActorHandle<Greeter> greeter, String name) {
			return greeter.method("greet").call(name);
		}

	}

	private final CompletableFuture<String> release = new CompletableFuture<>();

	private ActorHandle<Greeter> greeter;

	@BeforeEach
	void start() {
		this.registry.observationConfig().observationHandler(this.recorded);
		this.system = this.xoscar.system();
		this.greeter = this.system
			.createActor(Greeter.class, CreateOptions.uid("greeter").placement(Placement.pool(1)), this.registry,
					this.release)
			.join();
	}

	@Test
	void aCallIsObservedOnBothSidesAndTheCalleesObservationIsTheCallersChild() {
		assertThat(this.greeter.method("greet").<String>call("ada")).isEqualTo("hello ada");
		await().until(this.recorded::allStopped);
		assertThat(this.registry).hasObservationWithNameEqualTo("xoscar.call.client")
			.that()
			.hasContextualNameEqualTo("Greeter.greet")
			.hasLowCardinalityKeyValue("actor", Greeter.class.getName())
			.hasLowCardinalityKeyValue("method", "greet")
			.hasLowCardinalityKeyValue("kind", "call")
			.hasHighCardinalityKeyValue("uid", "greeter")
			.hasHighCardinalityKeyValue("address", this.greeter.address())
			.doesNotHaveError()
			.hasBeenStopped();
		assertThat(this.registry).hasObservationWithNameEqualTo("xoscar.call.server")
			.that()
			.hasContextualNameEqualTo("Greeter.greet")
			.hasLowCardinalityKeyValue("actor", Greeter.class.getName())
			.hasLowCardinalityKeyValue("method", "greet")
			.hasLowCardinalityKeyValue("kind", "call")
			.hasHighCardinalityKeyValue("uid", "greeter")
			.hasHighCardinalityKeyValue("address", this.greeter.address())
			.hasBeenStopped();
		ActorCallClientContext client = single(this.recorded.clients("greet"));
		ActorCallServerContext server = single(this.recorded.servers("greet"));
		assertThat(server.getParentObservation().getContextView()).isSameAs(client);
		assertThat(server.getCarrier()).as("the headers the caller's handlers wrote").isSameAs(client.getCarrier());
	}

	@Test
	void nestedCallsChainParentToChild() {
		ActorHandle<Relay> relay = this.system.createActor(Relay.class, CreateOptions.uid("relay")).join();
		assertThat(relay.method("relay").<String>send(this.greeter, "bob").join()).isEqualTo("hello bob");
		await().until(this.recorded::allStopped);
		ActorCallClientContext outerClient = single(this.recorded.clients("relay"));
		ActorCallServerContext outerServer = single(this.recorded.servers("relay"));
		ActorCallClientContext innerClient = single(this.recorded.clients("greet"));
		ActorCallServerContext innerServer = single(this.recorded.servers("greet"));
		assertThat(outerClient.getParentObservation()).isNull();
		assertThat(outerClient.getCallKind()).isEqualTo(ActorCallKind.SEND);
		assertThat(outerServer.getParentObservation().getContextView()).isSameAs(outerClient);
		assertThat(innerClient.getParentObservation().getContextView()).isSameAs(outerServer);
		assertThat(innerServer.getParentObservation().getContextView()).isSameAs(innerClient);
	}

	@Test
	void theCalleesObservationIsCurrentWhileTheMethodRuns() {
		assertThat(this.greeter.method("current").<String>call()).isEqualTo("xoscar.call.server");
		assertThat(this.greeter.method("current").<String>send().join()).isEqualTo("xoscar.call.server");
		assertThat(this.registry.getCurrentObservation()).as("nothing left current on the caller's thread").isNull();
	}

	@Test
	void errorsAreRecordedOnBothSides() {
		assertThatThrownBy(() -> this.greeter.method("fail").call()).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.greeter.method("nope").call()).hasMessageContaining("nope");
		await().until(this.recorded::allStopped);
		assertThat(single(this.recorded.clients("fail")).getError()).isInstanceOf(IllegalStateException.class)
			.hasMessage("no greeting today");
		assertThat(single(this.recorded.servers("fail")).getError()).isInstanceOf(IllegalStateException.class);
		assertThat(single(this.recorded.clients("nope")).getError()).as("a call that could not be made")
			.hasMessageContaining("nope");
		assertThat(this.recorded.servers("nope")).isEmpty();
	}

	@Test
	void anAsynchronousMethodIsObservedUntilItsResultCompletes() {
		CompletableFuture<String> greeting = this.greeter.method("greetLater").send();
		await().until(() -> this.recorded.servers("greetLater").size() == 1);
		ActorCallServerContext server = this.recorded.servers("greetLater").get(0);
		ActorCallClientContext client = single(this.recorded.clients("greetLater"));
		assertThat(this.recorded.isStopped(server)).isFalse();
		assertThat(this.recorded.isStopped(client)).isFalse();
		this.release.complete("eve");
		assertThat(greeting.join()).isEqualTo("hello eve");
		await().until(this.recorded::allStopped);
		assertThat(server.getError()).isNull();
	}

	@Test
	void aStreamIsObservedOnBothSidesUntilItEnds() {
		assertThat(this.greeter.method("greetEach").<String>stream(List.of("a", "b")).collectList().block(Duration.ofSeconds(10)))
			.containsExactly("hello a", "hello b");
		await().until(() -> this.recorded.servers("greetEach").size() == 1 && this.recorded.allStopped());
		ActorCallClientContext client = single(this.recorded.clients("greetEach"));
		ActorCallServerContext server = single(this.recorded.servers("greetEach"));
		assertThat(client.getCallKind()).isEqualTo(ActorCallKind.STREAM);
		assertThat(server.getCallKind()).isEqualTo(ActorCallKind.STREAM);
		assertThat(server.getParentObservation().getContextView()).isSameAs(client);
		assertThat(this.registry).hasObservationWithNameEqualTo("xoscar.call.client")
			.that()
			.hasContextualNameEqualTo("Greeter.greetEach")
			.hasLowCardinalityKeyValue("kind", "stream")
			.hasBeenStopped();
	}

	@Test
	void theKindSaysHowTheCallWasMade() {
		ActorMethod greet = this.greeter.method("greet");
		greet.tell("a").join();
		greet.send("b").join();
		greet.batch(greet.delay("c"), greet.delay("d")).join();
		greet.tellBatch(List.of(greet.delay("e"))).join();
		await().until(() -> this.recorded.servers("greet").size() == 4 && this.recorded.allStopped());
		assertThat(this.recorded.clients("greet")).extracting(ActorCallClientContext::getCallKind)
			.containsExactly(ActorCallKind.TELL, ActorCallKind.SEND, ActorCallKind.BATCH, ActorCallKind.TELL_BATCH);
		assertThat(this.recorded.servers("greet")).extracting(ActorCallServerContext::getCallKind)
			.containsExactlyInAnyOrder(ActorCallKind.TELL, ActorCallKind.CALL, ActorCallKind.BATCH,
					ActorCallKind.TELL_BATCH);
	}

	@Test
	void aDelayedTellContinuesTheObservationThatAskedForIt() {
		Observation outer = Observation.start("outer", this.registry);
		try (Observation.Scope scope = outer.openScope()) {
			this.greeter.method("greet").tellDelay(Duration.ofMillis(20), "later");
		}
		await().until(() -> this.recorded.servers("greet").size() == 1 && this.recorded.allStopped());
		outer.stop();
		ActorCallClientContext client = single(this.recorded.clients("greet"));
		assertThat(client.getCallKind()).isEqualTo(ActorCallKind.TELL);
		assertThat(client.getParentObservation()).as("made on the timer thread, under the observation that asked")
			.isSameAs(outer);
	}

	@Test
	void aFailingHandlerIsLoggedAndTheCallsStillRun() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				throw new IllegalStateException("broken handler");
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		ActorMethod greet = this.greeter.method("greet");
		assertThat(greet.<String>call("ada")).isEqualTo("hello ada");
		assertThat(greet.<String>send("bob").join()).isEqualTo("hello bob");
		assertThat(greet.batch(greet.delay("c")).join()).containsExactly("hello c");
	}

	@Test
	void aPredicateTurnsTheObservationsOff() {
		this.registry.observationConfig().observationPredicate((name, context) -> !name.startsWith("xoscar"));
		assertThat(this.greeter.method("greet").<String>call("ada")).isEqualTo("hello ada");
		assertThat(this.greeter.method("greet").<String>send("bob").join()).isEqualTo("hello bob");
		assertThat(this.recorded.all()).isEmpty();
	}

	@Test
	void withoutAnObservingRegistryCallsAreUnchanged() {
		for (ObservationRegistry none : new ObservationRegistry[] { null, ObservationRegistry.NOOP,
				ObservationRegistry.create() }) {
			try (ActorSystem plain = ActorSystem
				.create(ActorSystemConfig.builder().mainPoolThreads(1).observationRegistry(none).build())) {
				ActorHandle<Greeter> greeter = plain
					.createActor(Greeter.class, CreateOptions.uid("greeter"), this.registry, this.release)
					.join();
				ActorMethod greet = greeter.method("greet");
				assertThat(greet.<String>call("ada")).isEqualTo("hello ada");
				assertThat(greet.<String>send("bob").join()).isEqualTo("hello bob");
				assertThat(greet.batch(greet.delay("c")).join()).containsExactly("hello c");
				assertThat(greeter.method("current").<String>call()).isNull();
			}
		}
		assertThat(this.recorded.all()).isEmpty();
	}

	private static <T> T single(List<T> contexts) {
		assertThat(contexts).hasSize(1);
		return contexts.get(0);
	}

}
