package io.xoscar.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;
import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;
import io.xoscar.spring.autoconfigure.testfixture.RecoveryEventRecorder;
import io.xoscar.spring.event.PoolDownEvent;
import io.xoscar.spring.event.PoolRestartedEvent;
import io.xoscar.spring.event.PoolRestartingEvent;
import io.xoscar.spring.event.XoscarRecoveryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process pool's child JVM killed with {@code kill -9} from outside, as a Spring application sees
 * it: the {@code @ActorRef} proxy taken at the start works again (on a fresh actor in a new process,
 * built from its bean definition), the pool's health goes RESTARTING (HTTP 503) then UP, the
 * recovery events are published, and {@code /actuator/xoscar} counts the restart and tells why.
 */
@SpringBootTest(classes = ProcessPoolRecoveryTests.CounterApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xoscar.main-pool-threads=1", "xoscar.pools.gpu.mode=process",
				"xoscar.pools.gpu.jvm-args=-Xmx128m", "counter.name=tally",
				// a child Spring context may take long to start on a busy machine: calls wait for it
				"xoscar.pools.gpu.start-timeout=2m", "xoscar.recovery.restart-wait=2m", "xoscar.debug.call-timeout=2m",
				"management.endpoints.web.exposure.include=health,xoscar",
				"management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always" })
@DirtiesContext
class ProcessPoolRecoveryTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final Duration POLL = Duration.ofMillis(20);

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@Autowired
	private CounterClient client;

	@Autowired
	private RecoveryEventRecorder events;

	/** Counts; its count starts again at 0 in a re-created instance. */
	@XActor(uid = "counter", pool = "gpu")
	public static class Counter extends Actor {

		private final String name;

		private int count;

		public Counter(@Value("${counter.name}") String name) {
			this.name = name;
		}

		public String next() {
			return this.name + " " + (++this.count) + " pid=" + ProcessHandle.current().pid();
		}

	}

	public interface CounterApi {

		String next();

	}

	record CounterClient(CounterApi counter, ActorHandle<Counter> handle) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Counter.class)
	static class CounterApplication {

		@Bean
		CounterClient counterClient(@ActorRef("counter") CounterApi counter,
				@ActorRef("counter") ActorHandle<Counter> handle) {
			return new CounterClient(counter, handle);
		}

		@Bean
		RecoveryEventRecorder recoveryEventRecorder() {
			return new RecoveryEventRecorder();
		}

	}

	@Test
	void theProxyWorksAfterTheChildIsKilledHealthGoesRestartingThenUpAndEventsArePublished() throws Exception {
		CounterApi counter = this.client.counter();
		long killed = gpu().pid();
		assertThat(killed).isNotEqualTo(ProcessHandle.current().pid());
		assertThat(counter.next()).isEqualTo("tally 1 pid=" + killed);
		assertThat(counter.next()).isEqualTo("tally 2 pid=" + killed);

		ProcessHandle.of(killed).orElseThrow().destroyForcibly();

		// one response: the pool's component and the status of the whole
		HttpResponse<String> restarting = await("gpu-1 RESTARTING").atMost(WAIT)
			.pollInterval(POLL)
			.until(() -> LocalHttp.get(this.port, "/actuator/health", WAIT),
					(response) -> "RESTARTING".equals(gpuHealth(response).get("status").asString()));
		assertThat(restarting.statusCode()).as(restarting.body()).isEqualTo(503);
		JsonNode health = LocalHttp.json(restarting);
		assertThat(health.get("status").asString()).isEqualTo("RESTARTING");
		assertThat(gpuHealth(restarting).get("details").get("lastFailure").asString()).contains("pid " + killed);
		// a call made while the pool restarts waits for it
		CompletableFuture<String> madeWhileRestarting = this.client.handle().method("next").send();

		await("gpu-1 UP").atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "UP".equals(gpuHealth(LocalHttp.get(this.port, "/actuator/health", WAIT)).get("status").asString()));
		HttpResponse<String> up = LocalHttp.get(this.port, "/actuator/health", WAIT);
		assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
		JsonNode upDetails = gpuHealth(up).get("details");
		assertThat(upDetails.get("restarts").asInt()).isEqualTo(1);
		assertThat(upDetails.get("lastFailure").asString()).contains("pid " + killed);

		long restarted = gpu().pid();
		assertThat(restarted).isNotEqualTo(killed);
		assertThat(madeWhileRestarting.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.as("a fresh instance, built from its bean definition").isEqualTo("tally 1 pid=" + restarted);
		assertThat(counter.next()).isEqualTo("tally 2 pid=" + restarted);

		await("PoolRestartedEvent").atMost(WAIT).until(() -> !this.events.of(PoolRestartedEvent.class).isEmpty());
		List<XoscarRecoveryEvent> heard = this.events.events();
		assertThat(heard).extracting(Object::getClass)
			.containsSubsequence(PoolDownEvent.class, PoolRestartingEvent.class, PoolRestartedEvent.class);
		assertThat(heard).allSatisfy((event) -> assertThat(event.getActorSystem()).isSameAs(this.system));
		PoolDownEvent down = this.events.of(PoolDownEvent.class).get(0);
		assertThat(down.getRecoveryEvent().pid()).isEqualTo(killed);
		assertThat(down.getRecoveryEvent().poolName()).isEqualTo("gpu");
		assertThat(down.getRecoveryEvent().restarting()).isTrue();
		assertThat(this.events.of(PoolRestartingEvent.class).get(0).getRecoveryEvent().attempt()).isEqualTo(1);
		PoolRestartedEvent back = this.events.of(PoolRestartedEvent.class).get(0);
		assertThat(back.getRecoveryEvent().pid()).isEqualTo(restarted);
		assertThat(back.getRecoveryEvent().address()).isEqualTo(gpu().address()).isEqualTo(down.getRecoveryEvent().address());
		assertThat(back.getRecoveryEvent().took()).isPositive();
		assertThat(back.getRecoveryEvent().actors()).isEqualTo(1);

		JsonNode pools = LocalHttp.json(LocalHttp.get(this.port, "/actuator/xoscar/pools", WAIT)).get("pools");
		JsonNode gpu = pools.get(1);
		assertThat(gpu.get("id").asString()).isEqualTo("gpu-1");
		assertThat(gpu.get("state").asString()).isEqualTo("UP");
		assertThat(gpu.get("restarts").asInt()).isEqualTo(1);
		assertThat(gpu.get("lastFailure").asString()).contains("pid " + killed);
		assertThat(gpu.get("pid").asLong()).isEqualTo(restarted);
		assertThat(pools.get(0).has("lastFailure")).as("the main pool never failed").isFalse();
		assertThat(pools.get(0).get("restarts").asInt()).isZero();
	}

	private PoolInfo gpu() {
		PoolInfo gpu = this.system.pools().get(1);
		assertThat(gpu.name()).isEqualTo("gpu");
		return gpu;
	}

	private static JsonNode gpuHealth(HttpResponse<String> response) {
		return LocalHttp.json(response).get("components").get("xoscar").get("components").get("gpu-1");
	}

}
