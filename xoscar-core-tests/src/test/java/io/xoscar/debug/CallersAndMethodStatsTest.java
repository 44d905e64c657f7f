package io.xoscar.debug;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.MethodStats;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the dashboard's call graph and charts are made of: who calls each actor (estimated from the
 * calls sampled for metrics, in this JVM and across processes) and each method's counts and
 * latency histogram, those of process pools as their child JVMs report them.
 */
class CallersAndMethodStatsTest {

	private static final Duration WITHIN = Duration.ofSeconds(15);

	/** Enough calls that the estimate from 1 call in 16 is within half of the truth (10 sigma). */
	private static final int CALLS = 1600;

	private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("cpu"))
		.pool(PoolConfig.process("gpu").jvmArgs("-Xmx64m"))
		.configure((config) -> config.meterRegistry(registry))
		.build();

	private static final ActorSystem system = xoscar.system();

	public static class Callee extends Actor {

		public int echo(int value) {
			return value;
		}

		public String nap(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "rested";
		}

		public int fail() {
			throw new IllegalStateException("no");
		}

	}

	public static class Caller extends Actor {

		public int callMany(String calleeUid, String calleeAddress, int times) {
			ActorHandle<Callee> callee = system().actorRef(calleeAddress, calleeUid, Callee.class).join();
			int sum = 0;
			for (int i = 0; i < times; i++) {
				sum += callee.method("echo").<Integer>call(1);
			}
			return sum;
		}

		public int batchMany(String calleeUid, String calleeAddress, int batches) {
			ActorHandle<Callee> callee = system().actorRef(calleeAddress, calleeUid, Callee.class).join();
			ActorMethod echo = callee.method("echo");
			int results = 0;
			for (int i = 0; i < batches; i++) {
				results += echo.<Integer>batch(List.of(echo.delay(1), echo.delay(2))).join().size();
			}
			return results;
		}

	}

	@Test
	void anActorsCallersAreCountedByUidInThisJvmAndAcrossProcesses() {
		ActorHandle<Callee> callee = system.createActor(Callee.class, CreateOptions.uid("callee").placement(Placement.pool(1)))
			.join();
		ActorHandle<Caller> local = system.createActor(Caller.class, CreateOptions.uid("local-caller").placement(Placement.pool(1)))
			.join();
		ActorHandle<Caller> remote = system.createActor(Caller.class, CreateOptions.uid("remote-caller").placement(Placement.pool(2)))
			.join();
		assertThat(local.method("callMany").<Integer>call("callee", callee.address(), CALLS)).isEqualTo(CALLS);
		assertThat(remote.method("callMany").<Integer>call("callee", callee.address(), CALLS)).isEqualTo(CALLS);
		for (int i = 0; i < CALLS; i++) {
			callee.method("echo").call(i);
		}

		Map<String, Long> callers = actor("callee").callers();
		assertThat(callers).containsOnlyKeys("local-caller", "remote-caller", ActorInfo.OUTSIDE_ACTORS);
		assertThat(callers.values()).allSatisfy((estimate) -> assertThat(estimate).isBetween(CALLS / 2L, CALLS * 3L / 2));
		assertThat(callers.values()).allSatisfy((estimate) -> assertThat(estimate % 16).isZero());
	}

	@Test
	void theCallersOfAnActorInAProcessPoolAreListedThroughItsParent() {
		ActorHandle<Callee> callee = system.createActor(Callee.class, CreateOptions.uid("gpu-callee").placement(Placement.pool(2)))
			.join();
		ActorHandle<Caller> caller = system.createActor(Caller.class, CreateOptions.uid("main-caller").placement(Placement.pool(0)))
			.join();
		caller.method("callMany").call("gpu-callee", callee.address(), CALLS);
		assertThat(actor("gpu-callee").callers()).containsOnlyKeys("main-caller");
		assertThat(actor("gpu-callee").callers().get("main-caller")).isBetween(CALLS / 2L, CALLS * 3L / 2);
	}

	@Test
	void aBatchAcrossProcessesCountsItsCallingActor() {
		ActorHandle<Callee> callee = system.createActor(Callee.class, CreateOptions.uid("batched").placement(Placement.pool(2)))
			.join();
		ActorHandle<Caller> caller = system.createActor(Caller.class, CreateOptions.uid("batcher").placement(Placement.pool(0)))
			.join();
		// a batch is one message, sampled like one call: P(none of 400 sampled) < 1e-11
		assertThat(caller.method("batchMany").<Integer>call("batched", callee.address(), 400)).isEqualTo(800);
		assertThat(actor("batched").callers()).containsOnlyKeys("batcher");
	}

	@Test
	void methodStatsCountCallsByPoolClassAndMethodWithTheirLatencies() {
		ActorHandle<Callee> local = system.createActor(Callee.class, CreateOptions.at(Placement.pool(1))).join();
		ActorHandle<Callee> child = system.createActor(Callee.class, CreateOptions.at(Placement.pool(2))).join();
		for (ActorHandle<Callee> callee : List.of(local, child)) {
			// one call in 16 is timed: enough calls that some are
			for (int i = 0; i < 320; i++) {
				callee.method("nap").call(2L);
			}
			for (int i = 0; i < 3; i++) {
				try {
					callee.method("fail").call();
				}
				catch (IllegalStateException expected) {
					// counted as an error
				}
			}
		}
		for (String pool : List.of("cpu", "gpu")) {
			// the child reports about once a second
			await().atMost(WITHIN).untilAsserted(() -> assertThat(stats(pool, "nap").successes()).isEqualTo(320));
			MethodStats nap = stats(pool, "nap");
			assertThat(nap.errors()).isZero();
			assertThat(nap.latencies().count()).as("the sampled calls").isBetween(1L, 320L);
			assertThat(Duration.ofNanos(nap.latencies().valueAtQuantile(0.5))).as("p50 of a 2 ms nap in %s", pool)
				.isBetween(Duration.ofMillis(1), Duration.ofMillis(50));
			await().atMost(WITHIN).untilAsserted(() -> assertThat(stats(pool, "fail").errors()).isEqualTo(3));
		}
	}

	private static MethodStats stats(String pool, String method) {
		return system.methodStats()
			.stream()
			.filter((stats) -> stats.pool().equals(pool) && stats.method().equals(method)
					&& stats.actorClass().equals(Callee.class.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no stats of " + method + " in " + pool + ": " + system.methodStats()));
	}

	private static ActorInfo actor(String uid) {
		return system.actors()
			.join()
			.stream()
			.filter((actor) -> actor.uid().equals(uid))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no actor " + uid));
	}

}
