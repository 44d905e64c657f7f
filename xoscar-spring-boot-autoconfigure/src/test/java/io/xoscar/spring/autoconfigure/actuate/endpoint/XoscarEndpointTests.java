package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.exception.DeadlockException;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.testfixture.Backlogs;
import io.xoscar.spring.autoconfigure.testfixture.Holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the {@code xoscar} endpoint says of a running node: pools, actors and their calls in flight,
 * deadlocks and slow calls, its sections, and its JSON.
 */
class XoscarEndpointTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarEndpointAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2", "xoscar.pools.cpu.labels=cpu",
				"management.endpoints.web.exposure.include=xoscar");

	public static class Echo extends StatelessActor {

		public String echo(String text) {
			return text;
		}

	}

	@Test
	void listsPoolsActorsAndCallsInFlight() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
			ActorHandle<Holder> holder = system
				.createActor(Holder.class, CreateOptions.uid("holder").placement(Placement.pool(1)))
				.join();
			ActorHandle<Echo> echo = system
				.createActor(Echo.class, CreateOptions.uid("echo").placement(Placement.pool(2)))
				.join();
			assertThat(echo.method("echo").<String>send("hi").join()).isEqualTo("hi");
			Backlogs.withABacklog(holder, WAIT, () -> {
				await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
					ActorDescriptor listed = actor(endpoint.xoscar(), 1, "holder");
					assertThat(listed.backlog()).isEqualTo(1);
					assertThat(listed.inFlight()).hasSize(1);
				});

				NodeDescriptor node = endpoint.xoscar();
				assertThat(node.address()).isEqualTo(system.address());
				assertThat(node.pools()).extracting(PoolDescriptor::id).containsExactly("main", "cpu-1", "cpu-2");
				PoolDescriptor cpu1 = node.pools().get(1);
				assertThat(cpu1.index()).isEqualTo(1);
				assertThat(cpu1.name()).isEqualTo("cpu");
				assertThat(cpu1.mode()).isEqualTo("thread");
				assertThat(cpu1.status()).isEqualTo("UP");
				assertThat(cpu1.pid()).isEqualTo(ProcessHandle.current().pid());
				assertThat(cpu1.labels()).containsExactly("cpu");
				assertThat(cpu1.actorCount()).isEqualTo(1);
				assertThat(cpu1.backlog()).isEqualTo(1);
				assertThat(cpu1.actorsListed()).isTrue();
				assertThat(cpu1.unlistedReason()).isNull();

				ActorDescriptor listed = actor(node, 1, "holder");
				assertThat(listed.actorClass()).isEqualTo(Holder.class.getName());
				assertThat(listed.stateful()).isTrue();
				assertThat(listed.pool()).isEqualTo(1);
				CallDescriptor call = listed.inFlight().get(0);
				assertThat(call.method()).isEqualTo("hold");
				assertThat(call.state()).isEqualTo("running");
				assertThat(call.thread()).isNotBlank();
				assertThat(call.ageMillis()).isNotNegative();
				await().atMost(10, TimeUnit.SECONDS)
					.untilAsserted(() -> assertThat(actor(endpoint.xoscar(), 1, "holder").inFlight().get(0).ageMillis())
						.isGreaterThanOrEqualTo(20));

				ActorDescriptor listedEcho = actor(node, 2, "echo");
				assertThat(listedEcho.stateful()).isFalse();
				assertThat(listedEcho.calls()).isEqualTo(1);
				assertThat(listedEcho.inFlight()).isEmpty();
				assertThat(node.pools().get(0).actors()).isEmpty();
			});
			await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
				ActorDescriptor done = actor(endpoint.xoscar(), 1, "holder");
				assertThat(done.inFlight()).isEmpty();
				assertThat(done.backlog()).isZero();
				assertThat(done.calls()).isEqualTo(2);
			});
		});
	}

	@Test
	void answersSections() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
			system.createActor(Echo.class, CreateOptions.uid("b").placement(Placement.pool(2))).join();
			system.createActor(Echo.class, CreateOptions.uid("a").placement(Placement.pool(1))).join();
			system.createActor(Echo.class, CreateOptions.uid("c").placement(Placement.pool(1))).join();

			NodeDescriptor pools = (NodeDescriptor) endpoint.section("pools");
			assertThat(pools.pools()).extracting(PoolDescriptor::id).containsExactly("main", "cpu-1", "cpu-2");
			assertThat(pools.pools()).extracting(PoolDescriptor::actorCount).containsExactly(0, 2, 1);
			assertThat(pools.pools()).allSatisfy((pool) -> {
				assertThat(pool.actors()).isNull();
				assertThat(pool.actorsListed()).isNull();
			});

			ActorsDescriptor actors = (ActorsDescriptor) endpoint.section("actors");
			assertThat(actors.address()).isEqualTo(system.address());
			assertThat(actors.actors()).extracting(ActorDescriptor::uid).containsExactly("a", "c", "b");
			assertThat(actors.actors()).extracting(ActorDescriptor::pool).containsExactly(1, 1, 2);
			assertThat(actors.unlisted()).isNull();

			assertThat(endpoint.section("nothing")).isNull();
		});
	}

	/** Streams numbers, as many as asked for. */
	public static class Numbers extends io.xoscar.Actor {

		public Flux<Long> numbers() {
			return Flux.generate(() -> 0L, (next, sink) -> {
				sink.next(next);
				return next + 1;
			});
		}

	}

	@Test
	void listsOpenStreamsWithTheirItems() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
			ActorHandle<Numbers> numbers = system
				.createActor(Numbers.class, CreateOptions.uid("numbers").placement(Placement.pool(1)))
				.join();
			assertThat(((StreamsDescriptor) endpoint.section("streams")).streams()).isEmpty();
			BaseSubscriber<Long> holding = numbers.method("numbers").<Long>stream().subscribeWith(new BaseSubscriber<>() {

				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					subscription.request(3);
				}

			});
			try {
				await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
					StreamsDescriptor streams = (StreamsDescriptor) endpoint.section("streams");
					assertThat(streams.streams()).singleElement().satisfies((stream) -> {
						assertThat(stream.uid()).isEqualTo("numbers");
						assertThat(stream.pool()).isEqualTo("cpu-1");
						assertThat(stream.method()).isEqualTo("numbers");
						assertThat(stream.items()).isEqualTo(3);
					});
					assertThat(actor(endpoint.xoscar(), 1, "numbers").inFlight()).singleElement()
						.satisfies((call) -> assertThat(call.state()).isEqualTo("streaming"));
				});
			}
			finally {
				holding.cancel();
			}
			await().atMost(10, TimeUnit.SECONDS)
				.untilAsserted(() -> assertThat(((StreamsDescriptor) endpoint.section("streams")).streams()).isEmpty());
		});
	}

	@Test
	void serializesToJson() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			system.createActor(Echo.class, CreateOptions.uid("echo").placement(Placement.label("cpu"))).join();
			JsonMapper json = JsonMapper.builder().build();
			JsonNode node = json.readTree(json.writeValueAsString(context.getBean(XoscarEndpoint.class).xoscar()));
			assertThat(node.get("address").asString()).isEqualTo(system.address());
			assertThat(node.get("pools")).hasSize(3);
			JsonNode echo = node.get("pools").get(1).get("actors").size() == 1 ? node.get("pools").get(1).get("actors").get(0)
					: node.get("pools").get(2).get("actors").get(0);
			assertThat(echo.get("uid").asString()).isEqualTo("echo");
			assertThat(echo.get("actorClass").asString()).isEqualTo(Echo.class.getName());
			assertThat(echo.get("stateful").asBoolean()).isFalse();
			assertThat(echo.get("inFlight").isArray()).isTrue();
		});
	}

	@Test
	void listsDeadlocksNewestFirst() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
			for (String uid : List.of("a", "b")) {
				ActorHandle<Holder> holder = system
					.createActor(Holder.class, CreateOptions.uid(uid).placement(Placement.pool(uid.equals("a") ? 1 : 2)))
					.join();
				assertThatThrownBy(() -> holder.method("callSelf").send().get(10, TimeUnit.SECONDS))
					.hasCauseInstanceOf(DeadlockException.class);
			}

			DeadlocksDescriptor deadlocks = (DeadlocksDescriptor) endpoint.section("deadlocks");
			assertThat(deadlocks.address()).isEqualTo(system.address());
			assertThat(deadlocks.deadlocks()).extracting((deadlock) -> deadlock.cycle().get(0).uid())
				.containsExactly("b", "a");
			DeadlockDescriptor b = deadlocks.deadlocks().get(0);
			String cpu2 = system.pools().get(2).address();
			assertThat(b.detection()).isEqualTo("CALL_CHAIN");
			assertThat(b.pool()).isEqualTo(2);
			assertThat(b.poolId()).isEqualTo("cpu-2");
			assertThat(b.address()).isEqualTo(cpu2);
			assertThat(b.detectedAt()).isNotNull();
			assertThat(b.message()).contains("'b' (Holder).callSelf at " + cpu2 + " -> 'b' (Holder).ping");
			assertThat(b.cycle()).containsExactly(new StepDescriptor("b", "Holder", "callSelf", cpu2),
					new StepDescriptor("b", "Holder", "ping", cpu2));
			assertThat(b.stack()).anyMatch((frame) -> frame.contains(Holder.class.getName() + ".callSelf"));
		});
	}

	@Test
	void listsActiveSlowCallsAndBacklogsApartFromEndedOnes() {
		this.runner.withPropertyValues("xoscar.debug.slow-call-threshold=200ms", "xoscar.debug.backlog-threshold=200ms")
			.run((context) -> {
				ActorSystem system = context.getBean(ActorSystem.class);
				XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
				ActorHandle<Holder> holder = system
					.createActor(Holder.class, CreateOptions.uid("holder").placement(Placement.pool(1)))
					.join();
				Backlogs.withABacklog(holder, WAIT, () -> {
					await().atMost(10, TimeUnit.SECONDS)
						.until(() -> slowCalls(endpoint).active().size() == 2);
					SlowCallsDescriptor slowCalls = slowCalls(endpoint);
					assertThat(slowCalls.address()).isEqualTo(system.address());
					assertThat(slowCalls.ended()).isEmpty();
					SlowCallDescriptor slow = find(slowCalls.active(), "SLOW_CALL");
					assertThat(slow.uid()).isEqualTo("holder");
					assertThat(slow.actorClass()).isEqualTo(Holder.class.getName());
					assertThat(slow.method()).isEqualTo("hold");
					assertThat(slow.pool()).isEqualTo(1);
					assertThat(slow.poolId()).isEqualTo("cpu-1");
					assertThat(slow.address()).isEqualTo(holder.address());
					assertThat(slow.thresholdMillis()).isEqualTo(200);
					assertThat(slow.elapsedMillis()).isGreaterThanOrEqualTo(200);
					assertThat(slow.ageMillis()).isGreaterThanOrEqualTo(slow.elapsedMillis());
					assertThat(slow.durationMillis()).isNull();
					assertThat(slow.state()).startsWith("running on thread");
					assertThat(slow.thread()).isNotBlank();
					assertThat(slow.stack()).anyMatch((frame) -> frame.contains(Holder.class.getName() + ".hold"));
					SlowCallDescriptor backlog = find(slowCalls.active(), "BACKLOG");
					assertThat(backlog.uid()).isEqualTo("holder");
					assertThat(backlog.method()).isEqualTo("ping");
					assertThat(backlog.backlog()).isEqualTo(1);
					assertThat(backlog.thread()).as("the thread it waits behind").isEqualTo(slow.thread());
				});
				await().atMost(10, TimeUnit.SECONDS).until(() -> slowCalls(endpoint).ended().size() == 2);
				SlowCallsDescriptor slowCalls = slowCalls(endpoint);
				assertThat(slowCalls.active()).isEmpty();
				assertThat(slowCalls.ended()).allSatisfy((alert) -> {
					assertThat(alert.durationMillis()).isGreaterThanOrEqualTo(200);
					assertThat(alert.ageMillis()).isNull();
				});
			});
	}

	@Test
	void debugSectionsAreEmptyWithoutProblems() {
		this.runner.run((context) -> {
			XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
			assertThat(((DeadlocksDescriptor) endpoint.section("deadlocks")).deadlocks()).isEmpty();
			assertThat(slowCalls(endpoint).active()).isEmpty();
			assertThat(slowCalls(endpoint).ended()).isEmpty();
		});
	}

	private static SlowCallsDescriptor slowCalls(XoscarEndpoint endpoint) {
		return (SlowCallsDescriptor) endpoint.section("slowcalls");
	}

	private static SlowCallDescriptor find(List<SlowCallDescriptor> alerts, String kind) {
		return alerts.stream().filter((alert) -> alert.kind().equals(kind)).findFirst().orElseThrow();
	}

	private static ActorDescriptor actor(NodeDescriptor node, int pool, String uid) {
		List<ActorDescriptor> actors = node.pools().get(pool).actors();
		return actors.stream().filter((actor) -> actor.uid().equals(uid)).findFirst().orElseThrow();
	}

}
