package io.xoscar.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
 * The sample once the {@code gpu} pool's child JVM was killed ({@code kill -9}): {@code /sentiment}
 * answers 503 with a problem detail saying the pool is down, and when to try again. Its own context
 * (closed afterwards), so that the other tests keep their model.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// the pool must stay down for this test, also once process pools are restarted
		properties = "xoscar.recovery.restart-processes=false")
@DirtiesContext
class DeadGpuPoolTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@Test
	void sentimentAnswers503WithAProblemDetailOnceTheGpuPoolIsDown() throws Exception {
		assertThat(sentiment().statusCode()).as("the model answers while its pool runs").isEqualTo(200);
		PoolInfo gpu = gpuPool();

		ProcessHandle.of(gpu.pid()).orElseThrow().destroyForcibly();
		await("gpu pool down").atMost(TIMEOUT).until(() -> !gpuPool().up());

		HttpResponse<String> response = sentiment();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:xoscar:problem:pool-down");
		assertThat(problem.get("title").asString()).isEqualTo("Actor pool down");
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString()).contains(gpu.address());
		assertThat(problem.get("instance").asString()).isEqualTo("/sentiment");
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
