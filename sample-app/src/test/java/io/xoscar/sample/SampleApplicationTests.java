package io.xoscar.sample;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.test.DebugEventRecorder;
import io.xoscar.test.spring.AutoConfigureXoscarTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a client sees it, over HTTP on a real server: sentiment answers computed by the
 * model in the {@code gpu} pool's child JVM, dynamic batching of concurrent requests, and the
 * actuator's view of the pools and actors. One context (and one child JVM) for the whole class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// a wider batching window than the sample's 5 ms, so that concurrent requests meet in a
		// batch even on a busy machine
		properties = "sample.batch.max-wait=100ms")
@AutoConfigureXoscarTest
class SampleApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private DebugEventRecorder debugEvents;

	@Test
	void scoresTextsWithTheModelInItsOwnProcess() throws Exception {
		JsonNode positive = get("/sentiment?text=" + encode("I love this phone, it is great and fast"));
		assertThat(positive.get("tokens").values()).extracting(JsonNode::asString).contains("love", "great", "fast");
		JsonNode score = positive.get("score");
		assertThat(score.get("sentiment").asDouble()).isPositive();
		assertThat(score.get("device").asString()).isEqualTo("0");
		long modelPid = score.get("pid").asLong();
		assertThat(modelPid).isNotEqualTo(ProcessHandle.current().pid()).isEqualTo(gpuPool().pid());

		JsonNode negative = get("/sentiment?text=" + encode("Awful, slow and broken. I hate it"));
		assertThat(negative.get("score").get("sentiment").asDouble()).isNegative();
		assertThat(negative.get("score").get("pid").asLong()).isEqualTo(modelPid);
	}

	@Test
	void batchesConcurrentRequests() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String text = (i % 2 == 0) ? "good nice request " + i : "bad slow request " + i;
			responses.add(http.sendAsync(request("/sentiment?text=" + encode(text)), HttpResponse.BodyHandlers.ofString()));
		}
		int largestBatch = 0;
		for (int i = 0; i < responses.size(); i++) {
			HttpResponse<String> response = responses.get(i).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode answer = json.readTree(response.body());
			assertThat(answer.get("text").asString()).endsWith(" request " + i);
			JsonNode score = answer.get("score");
			if (i % 2 == 0) {
				assertThat(score.get("sentiment").asDouble()).isPositive();
			}
			else {
				assertThat(score.get("sentiment").asDouble()).isNegative();
			}
			largestBatch = Math.max(largestBatch, score.get("batchSize").asInt());
		}
		assertThat(largestBatch).as("largest batch the model scored").isGreaterThan(1);
	}

	@Test
	void healthHasOneComponentPerPool() throws Exception {
		JsonNode health = get("/actuator/health");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode xoscar = health.get("components").get("xoscar");
		assertThat(xoscar.get("status").asString()).isEqualTo("UP");
		JsonNode pools = xoscar.get("components");
		assertThat(pools.propertyNames()).containsExactlyInAnyOrder("main", "cpu-1", "cpu-2", "gpu-3");
		for (JsonNode pool : pools.values()) {
			assertThat(pool.get("status").asString()).isEqualTo("UP");
		}
		JsonNode gpu = pools.get("gpu-3").get("details");
		assertThat(gpu.get("mode").asString()).isEqualTo("process");
		assertThat(gpu.get("pid").asLong()).isEqualTo(gpuPool().pid()).isNotEqualTo(ProcessHandle.current().pid());
		assertThat(gpu.get("actors").asInt()).as("model and generator").isEqualTo(2);
		assertThat(pools.get("main").get("details").get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());

		// not part of the probes: a busy or restarting pool does not get the application restarted
		assertThat(get("/actuator/health/xoscar/gpu-3").get("status").asString()).isEqualTo("UP");
		for (String probe : List.of("liveness", "readiness")) {
			assertThat(get("/actuator/health/" + probe).get("status").asString()).isEqualTo("UP");
			assertThat(send("/actuator/health/" + probe + "/xoscar").statusCode()).as(probe).isEqualTo(404);
		}
	}

	@Test
	void publishesMeters() throws Exception {
		get("/sentiment?text=" + encode("nice"));
		assertThat(this.registry.get("xoscar.pool.up").tags("pool", "gpu", "mode", "process").gauge().value())
			.isEqualTo(1);
		assertThat(this.registry.get("xoscar.pool.actors").tags("pool", "main").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("xoscar.calls")
			.tags("actor", Tokenizer.class.getName(), "method", "tokenize", "outcome", "success")
			.functionTimer()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void xoscarEndpointListsPoolsAndActors() throws Exception {
		JsonNode node = get("/actuator/xoscar");
		assertThat(node.get("address").asString()).isEqualTo(this.system.address());
		List<JsonNode> pools = List.copyOf(node.get("pools").values());
		assertThat(pools).extracting((pool) -> pool.get("id").asString())
			.containsExactly("main", "cpu-1", "cpu-2", "gpu-3");
		assertThat(pools).allSatisfy((pool) -> assertThat(pool.get("actorsListed").asBoolean()).isTrue());
		assertThat(uids(pools.get(0))).containsExactly("batcher");
		assertThat(uids(pools.get(1)) + "," + uids(pools.get(2))).contains("tokenizer");
		assertThat(uids(pools.get(3))).containsExactlyInAnyOrder("model", "generator");

		JsonNode gpu = pools.get(3);
		assertThat(gpu.get("mode").asString()).isEqualTo("process");
		assertThat(gpu.get("pid").asLong()).isEqualTo(gpuPool().pid());
		JsonNode model = gpu.get("actors").values().stream()
			.filter((actor) -> actor.get("uid").asString().equals("model"))
			.findFirst()
			.orElseThrow();
		assertThat(model.get("actorClass").asString()).isEqualTo(SentimentModel.class.getName());
		assertThat(model.get("stateful").asBoolean()).isTrue();
		assertThat(model.get("pool").asInt()).isEqualTo(3);
		assertThat(model.get("inFlight").isArray()).isTrue();

		JsonNode sections = get("/actuator/xoscar/pools");
		assertThat(sections.get("pools").values()).hasSize(4).allSatisfy((pool) -> assertThat(pool.has("actors")).isFalse());
		JsonNode actors = get("/actuator/xoscar/actors");
		assertThat(actors.get("actors").values()).extracting((actor) -> actor.get("uid").asString())
			.containsExactlyInAnyOrder("batcher", "tokenizer", "model", "generator");
		assertThat(send("/actuator/xoscar/nothing").statusCode()).isEqualTo(404);
	}

	@Test
	void aSlowModelCallInTheGpuProcessRaisesAnAlertListedByTheParent() throws Exception {
		HttpResponse<String> warmUp = send("/warm-up?millis=800");
		assertThat(warmUp.statusCode()).isEqualTo(200);
		assertThat(warmUp.body()).isEqualTo("warmed up in 800 ms on device 0");
		// the application's listeners hear of it (the recorder is one)
		SlowCallAlert heard = this.debugEvents.awaitAlertEnded(
				(alert) -> alert.uid().equals("model") && alert.method().equals("warmUp"), TIMEOUT);
		assertThat(heard.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(790));
		// the child JVM sends its alerts to this node as they happen
		org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
			JsonNode ended = get("/actuator/xoscar/slowcalls").get("ended");
			assertThat(ended.values()).anySatisfy((alert) -> {
				assertThat(alert.get("uid").asString()).isEqualTo("model");
				assertThat(alert.get("method").asString()).isEqualTo("warmUp");
				assertThat(alert.get("poolId").asString()).isEqualTo("gpu-3");
				assertThat(alert.get("durationMillis").asLong()).isGreaterThanOrEqualTo(790);
				assertThat(alert.get("stack").values()).extracting(JsonNode::asString)
					.anyMatch((frame) -> frame.contains(SentimentModel.class.getName() + ".warmUp("));
			});
		});
	}

	private PoolInfo gpuPool() {
		return this.system.pools().stream().filter((pool) -> pool.name().equals("gpu")).findFirst().orElseThrow();
	}

	private static List<String> uids(JsonNode pool) {
		return pool.get("actors").values().stream().map((actor) -> actor.get("uid").asString()).toList();
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(String path) throws Exception {
		return http.send(request(path), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).timeout(TIMEOUT).GET().build();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
