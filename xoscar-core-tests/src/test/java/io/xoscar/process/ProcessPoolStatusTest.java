package io.xoscar.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The parent sees its process pools as its own: their mailbox depths (backlog), their actors' calls
 * in its meters (tagged with the pool), and a listing of actors that does not wait for a pool that
 * does not answer.
 */
class ProcessPoolStatusTest {

	private static final Duration WITHIN = Duration.ofSeconds(15);

	private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("cpu"))
		.pool(PoolConfig.process("gpu").count(2).jvmArgs("-Xmx64m"))
		.configure((config) -> config.meterRegistry(registry))
		.build();

	private static final ActorSystem system = xoscar.system();

	public static class Model extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

		public String hold(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "held";
		}

		public int fail() {
			throw new IllegalStateException("no");
		}

	}

	private static ActorHandle<Model> model(String uid, int pool) {
		return system.createActor(Model.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
	}

	@Test
	void aProcessPoolsBacklogIsItsChildsMailboxDepth() {
		ActorHandle<Model> busy = model("busy", 2);
		List<CompletableFuture<String>> calls = new ArrayList<>();
		calls.add(busy.method("hold").send(3_000L));
		for (int i = 0; i < 5; i++) {
			calls.add(busy.method("hold").send(1L));
		}
		await().atMost(WITHIN).until(() -> pool(2).backlog() == 5);
		assertThat(registry.get("xoscar.pool.backlog").tag("index", "2").gauge().value()).isEqualTo(5.0);
		calls.forEach(CompletableFuture::join);
		await().atMost(WITHIN).until(() -> pool(2).backlog() == 0);
	}

	@Test
	void callsOfActorsInProcessPoolsAreCountedInTheParentsMetersTaggedWithThePool() {
		ActorHandle<Model> first = model("first", 2);
		ActorHandle<Model> second = model("second", 3);
		ActorHandle<Model> local = model("local", 1);
		// one call in 16 is timed: enough calls that some are
		for (int i = 0; i < 297; i++) {
			first.method("pid").<Long>call();
		}
		for (int i = 0; i < 3; i++) {
			second.method("pid").<Long>call();
			local.method("pid").<Long>call();
		}
		try {
			second.method("fail").call();
		}
		catch (IllegalStateException expected) {
			// counted as an error
		}
		// both gpu pools' counts under one series; the thread pool's under its own
		await().atMost(WITHIN).ignoreExceptions().untilAsserted(() -> assertThat(timer("gpu", "pid", "success").count()).isEqualTo(300.0));
		await().atMost(WITHIN).ignoreExceptions().untilAsserted(() -> assertThat(timer("gpu", "fail", "error").count()).isEqualTo(1.0));
		assertThat(timer("gpu", "pid", "success").totalTime(TimeUnit.NANOSECONDS)).isPositive();
		assertThat(timer("cpu", "pid", "success").count()).isEqualTo(3.0);
	}

	@Test
	void aListingOfActorsDoesNotWaitForAPoolThatDoesNotAnswer() throws Exception {
		ActorHandle<Model> stopped = model("stopped", 3);
		model("answering", 2);
		long pid = stopped.method("pid").<Long>call();
		signal("STOP", pid);
		try {
			long started = System.nanoTime();
			List<ActorInfo> actors = system.actors().get(5, TimeUnit.SECONDS);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(took).isLessThan(Duration.ofSeconds(1));
			assertThat(actors).extracting(ActorInfo::uid).contains("answering").doesNotContain("stopped");
		}
		finally {
			signal("CONT", pid);
		}
		await().atMost(WITHIN)
			.until(() -> system.actors().join().stream().anyMatch((actor) -> actor.uid().equals("stopped")));
	}

	private static void signal(String signal, long pid) throws IOException, InterruptedException {
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
	}

	private static FunctionTimer timer(String pool, String method, String outcome) {
		return registry.get("xoscar.calls")
			.tag("actor", Model.class.getName())
			.tag("method", method)
			.tag("outcome", outcome)
			.tag("pool", pool)
			.functionTimer();
	}

	private static PoolInfo pool(int index) {
		return system.pools().stream().filter((pool) -> pool.index() == index).findFirst().orElseThrow();
	}

}
