package io.xoscar.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's {@code gpu} pool comes back after its child JVM is killed ({@code kill -9}): the
 * same {@code /sentiment} request answers again, scored by the model re-created in a new process;
 * while the pool restarts a request either waits for it or answers 503 with {@code Retry-After: 1}.
 * Its own context (closed afterwards), so that the other tests keep their model.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// a child Spring context may take long to start on a busy machine: requests wait for it
		properties = { "xoscar.pools.gpu.start-timeout=2m", "xoscar.recovery.restart-wait=2m",
				"xoscar.debug.call-timeout=2m" })
@DirtiesContext
class GpuPoolRecoveryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@Test
	void sentimentAnswersAgainOnceTheGpuPoolIsBack() throws Exception {
		HttpResponse<String> before = sentiment();
		assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
		long killed = gpuPool().pid();
		assertThat(json.readTree(before.body()).get("score").get("pid").asLong()).isEqualTo(killed);

		ProcessHandle.of(killed).orElseThrow().destroyForcibly();

		List<HttpResponse<String>> unanswered = new CopyOnWriteArrayList<>();
		HttpResponse<String> after = await("sentiment answered by the restarted model").atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(100))
			.until(this::sentiment, (response) -> {
				if (response.statusCode() != 200) {
					unanswered.add(response);
				}
				return response.statusCode() == 200;
			});
		JsonNode score = json.readTree(after.body()).get("score");
		PoolInfo gpu = gpuPool();
		assertThat(score.get("pid").asLong()).isNotEqualTo(killed).isEqualTo(gpu.pid());
		assertThat(score.get("device").asString()).as("the same CUDA device").isEqualTo("0");
		assertThat(score.get("sentiment").asDouble()).isPositive();
		assertThat(gpu.restarts()).isEqualTo(1);
		assertThat(gpu.lastFailure()).contains("pid " + killed);
		assertThat(unanswered).allSatisfy((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).as(response.body()).hasValue("1");
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("type").asString()).isEqualTo("urn:xoscar:problem:pool-down");
			assertThat(problem.get("restarting").asBoolean()).isTrue();
		});
	}

	private HttpResponse<String> sentiment() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/sentiment?text=good"))
			.timeout(TIMEOUT)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private PoolInfo gpuPool() {
		return this.system.pools().stream().filter((pool) -> pool.name().equals("gpu")).findFirst().orElseThrow();
	}

}
