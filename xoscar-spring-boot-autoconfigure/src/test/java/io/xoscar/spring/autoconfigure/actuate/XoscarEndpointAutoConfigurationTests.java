package io.xoscar.spring.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.CallInfo;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.exception.DeadlockException;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.ActorDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.ActorsDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.CallDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.DeadlockDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.DeadlocksDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.NodeDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.PoolDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.SlowCallDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.SlowCallsDescriptor;
import io.xoscar.spring.autoconfigure.actuate.XoscarEndpoint.StepDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The {@code xoscar} endpoint: pools, actors and their calls in flight, deadlocks and slow calls, its
 * sections, and when it is configured.
 */
class XoscarEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarEndpointAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2", "xoscar.pools.cpu.labels=cpu",
				"management.endpoints.web.exposure.include=xoscar");

	/** Stateful: holds its lock while {@link #hold} waits. */
	public static class Holder extends Actor {

		public String hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
			entered.countDown();
			return release.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
		}

		public String ping() {
			return "pong";
		}

		/** Waits for a call to itself, which could never run: a deadlock. */
		public String callSelf() {
			return self().method("ping").call();
		}

	}

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
			CountDownLatch entered = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<String> held;
			CompletableFuture<String> queued;
			try {
				held = holder.method("hold").send(entered, release);
				assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
				queued = holder.method("ping").send();
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
			}
			finally {
				release.countDown();
			}
			assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("released");
			assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("pong");
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
				CountDownLatch entered = new CountDownLatch(1);
				CountDownLatch release = new CountDownLatch(1);
				CompletableFuture<String> held;
				CompletableFuture<String> queued;
				try {
					held = holder.method("hold").send(entered, release);
					assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
					queued = holder.method("ping").send();
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
				}
				finally {
					release.countDown();
				}
				assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("released");
				assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("pong");
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

	@Test
	void reportsPoolsWhoseActorsCannotBeListed() {
		PoolInfo threads = new PoolInfo(1, "cpu", "127.0.0.1:1", Set.of("cpu"), 2, 1, 3, PoolMode.THREAD, true, 10);
		PoolInfo answered = new PoolInfo(2, "gpu", "unix:/tmp/a", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, true, 11);
		PoolInfo silent = new PoolInfo(3, "gpu", "unix:/tmp/b", Set.of("gpu"), 1, 2, 0, PoolMode.PROCESS, true, 12);
		PoolInfo empty = new PoolInfo(4, "gpu", "unix:/tmp/c", Set.of("gpu"), 1, 0, 0, PoolMode.PROCESS, true, 13);
		PoolInfo down = new PoolInfo(5, "gpu", "unix:/tmp/d", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, false, 14);
		XoscarEndpoint.Listing listing = XoscarEndpoint.Listing.of(List.of(
				new ActorInfo("t", "T", true, 1, "127.0.0.1:1", 3, 5, List.of()),
				new ActorInfo("m", "M", true, 2, "unix:/tmp/a", 4, 6,
						List.of(new CallInfo("score", Duration.ofMillis(1500), null)))));

		PoolDescriptor cpu = XoscarEndpoint.describe(threads, listing);
		assertThat(cpu.actorsListed()).isTrue();
		assertThat(cpu.backlog()).isEqualTo(3);
		assertThat(cpu.actors()).extracting(ActorDescriptor::uid).containsExactly("t");

		PoolDescriptor gpu = XoscarEndpoint.describe(answered, listing);
		assertThat(gpu.id()).isEqualTo("gpu-2");
		assertThat(gpu.mode()).isEqualTo("process");
		assertThat(gpu.actorsListed()).isTrue();
		assertThat(gpu.backlog()).as("a child's backlog, as its actors report it").isEqualTo(4);
		assertThat(gpu.actors().get(0).inFlight())
			.containsExactly(new CallDescriptor("score", 1500, "awaiting", null));

		PoolDescriptor unanswered = XoscarEndpoint.describe(silent, listing);
		assertThat(unanswered.actorsListed()).isFalse();
		assertThat(unanswered.unlistedReason()).isEqualTo("process pool did not answer");
		assertThat(unanswered.actors()).isNull();
		assertThat(unanswered.actorCount()).isEqualTo(2);

		assertThat(XoscarEndpoint.describe(empty, listing).actorsListed()).isTrue();
		assertThat(XoscarEndpoint.describe(empty, listing).actors()).isEmpty();

		PoolDescriptor stopped = XoscarEndpoint.describe(down, listing);
		assertThat(stopped.status()).isEqualTo("DOWN");
		assertThat(stopped.actorsListed()).isFalse();
		assertThat(stopped.unlistedReason()).isEqualTo("pool is down");

		PoolDescriptor timedOut = XoscarEndpoint.describe(threads, XoscarEndpoint.Listing.failed("listing timed out"));
		assertThat(timedOut.actorsListed()).isFalse();
		assertThat(timedOut.unlistedReason()).isEqualTo("listing timed out");
	}

	@Test
	void isNotAvailableUnlessExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(XoscarEndpoint.class);
		});
	}

	@Test
	void isNotAvailableWithoutAccess() {
		this.runner.withPropertyValues("management.endpoint.xoscar.access=NONE").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(XoscarEndpoint.class);
		});
	}

	@Test
	void backsOffWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean("xoscarEndpoint");
			});
	}

	@Test
	void backsOffWhenXoscarIsDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(XoscarEndpoint.class);
		});
	}

	@Test
	void backsOffToAUserDefinedEndpoint() {
		this.runner.withBean("userEndpoint", XoscarEndpoint.class, () -> new XoscarEndpoint(null))
			.run((context) -> assertThat(context).getBean(XoscarEndpoint.class).isSameAs(context.getBean("userEndpoint")));
	}

	private static ActorDescriptor actor(NodeDescriptor node, int pool, String uid) {
		List<ActorDescriptor> actors = node.pools().get(pool).actors();
		return actors.stream().filter((actor) -> actor.uid().equals(uid)).findFirst().orElseThrow();
	}

}
