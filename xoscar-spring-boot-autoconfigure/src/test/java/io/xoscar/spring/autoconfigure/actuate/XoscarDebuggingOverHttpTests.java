package io.xoscar.spring.autoconfigure.actuate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.exception.DeadlockException;
import io.xoscar.spring.autoconfigure.testfixture.Backlogs;
import io.xoscar.spring.autoconfigure.testfixture.DebugEventRecorder;
import io.xoscar.spring.autoconfigure.testfixture.Holder;
import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;
import io.xoscar.spring.event.DeadlockDetectedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A deadlock, a slow call and a backlog as an operator sees them, over HTTP on a real server:
 * {@code /actuator/xoscar/deadlocks}, {@code /actuator/xoscar/slowcalls} and the pool's component of
 * {@code /actuator/health}; and as the application sees them, as events.
 */
@SpringBootTest(classes = XoscarDebuggingOverHttpTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=1", "xoscar.debug.slow-call-threshold=300ms",
				"xoscar.debug.backlog-threshold=300ms", "management.endpoints.web.exposure.include=health,xoscar",
				"management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always" })
class XoscarDebuggingOverHttpTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@Autowired
	private DebugEventRecorder recorder;

	@Test
	void showsDeadlocksSlowCallsAndBacklogs() throws Exception {
		ActorHandle<Holder> looper = this.system
			.createActor(Holder.class, CreateOptions.uid("looper").placement(Placement.mainPool()))
			.join();
		assertThatThrownBy(() -> looper.method("callSelf").send().get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class);

		JsonNode deadlocks = get("/actuator/xoscar/deadlocks", 200);
		assertThat(deadlocks.get("address").asString()).isEqualTo(this.system.address());
		JsonNode deadlock = deadlocks.get("deadlocks").get(0);
		assertThat(deadlock.get("detection").asString()).isEqualTo("CALL_CHAIN");
		assertThat(deadlock.get("poolId").asString()).isEqualTo("main");
		assertThat(deadlock.get("message").asString()).startsWith("deadlock: 'looper' (Holder).callSelf");
		assertThat(deadlock.get("detectedAt").isString()).as("an ISO-8601 instant").isTrue();
		assertThat(deadlock.get("cycle").values()).extracting((step) -> step.get("method").asString())
			.containsExactly("callSelf", "ping");
		assertThat(deadlock.get("stack").values()).isNotEmpty().allMatch(JsonNode::isString);
		await().atMost(WAIT).until(() -> !this.recorder.of(DeadlockDetectedEvent.class).isEmpty());

		ActorHandle<Holder> holder = this.system
			.createActor(Holder.class, CreateOptions.uid("holder").placement(Placement.pool(1)))
			.join();
		Backlogs.withABacklog(holder, WAIT, () -> {
			await().atMost(WAIT).until(() -> get("/actuator/xoscar/slowcalls", 200).get("active").size() == 2);
			JsonNode slowCalls = get("/actuator/xoscar/slowcalls", 200);
			assertThat(slowCalls.get("ended").values()).isEmpty();
			JsonNode slow = kind(slowCalls.get("active"), "SLOW_CALL");
			assertThat(slow.get("uid").asString()).isEqualTo("holder");
			assertThat(slow.get("method").asString()).isEqualTo("hold");
			assertThat(slow.get("poolId").asString()).isEqualTo("cpu-1");
			assertThat(slow.get("ageMillis").asLong()).isGreaterThanOrEqualTo(300);
			assertThat(slow.has("durationMillis")).as("the actuator leaves out nulls").isFalse();
			assertThat(slow.get("stack").values()).anyMatch((frame) -> frame.asString().contains(".hold("));
			assertThat(kind(slowCalls.get("active"), "BACKLOG").get("method").asString()).isEqualTo("ping");

			JsonNode cpu1 = get("/actuator/health", 200).get("components").get("xoscar").get("components").get("cpu-1");
			assertThat(cpu1.get("status").asString()).isEqualTo("UP");
			JsonNode backlog = cpu1.get("details").get("backlogAlerts").get(0);
			assertThat(backlog.get("uid").asString()).isEqualTo("holder");
			assertThat(backlog.get("method").asString()).isEqualTo("ping");
			assertThat(backlog.get("waitedMillis").asLong()).isGreaterThanOrEqualTo(300);
			assertThat(backlog.get("backlog").asInt()).isEqualTo(1);
		});

		await().atMost(WAIT).until(() -> get("/actuator/xoscar/slowcalls", 200).get("ended").size() == 2);
		JsonNode slowCalls = get("/actuator/xoscar/slowcalls", 200);
		assertThat(slowCalls.get("active").values()).isEmpty();
		assertThat(slowCalls.get("ended").values()).allMatch((alert) -> alert.get("durationMillis").asLong() >= 300);
		assertThat(get("/actuator/health", 200).get("components").get("xoscar").get("components").get("cpu-1")
			.get("details")
			.has("backlogAlerts")).isFalse();

		get("/actuator/xoscar/nothing", 404);
	}

	private JsonNode get(String path, int status) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, WAIT);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(status);
		return (status == 200) ? LocalHttp.json(response) : null;
	}

	private static JsonNode kind(JsonNode alerts, String kind) {
		return alerts.values()
			.stream()
			.filter((alert) -> alert.get("kind").asString().equals(kind))
			.findFirst()
			.orElseThrow();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		DebugEventRecorder recorder() {
			return new DebugEventRecorder();
		}

	}

}
