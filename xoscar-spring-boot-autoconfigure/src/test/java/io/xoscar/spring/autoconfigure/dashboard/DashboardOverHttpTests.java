package io.xoscar.spring.autoconfigure.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.StatelessActor;
import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard over HTTP on a real server, the same on Spring MVC ({@link DashboardOverMvcTests})
 * and WebFlux ({@link DashboardOverWebFluxTests}): the page, its assets and uPlot, the snapshot JSON
 * with filtering and paging, and the event stream, which stops when its client goes away.
 */
abstract class DashboardOverHttpTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	static final int TINY_ACTORS = 300;

	static final int CALLS_TO_FIRST = 400;

	@Value("${local.server.port}")
	int port;

	@Autowired
	ActorSystem system;

	/** A tiny actor, many of them. */
	public static class Tiny extends StatelessActor {

		public String echo(String text) {
			return text;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		ApplicationRunner tinyActors(ActorSystem system) {
			return (arguments) -> {
				List<CompletableFuture<ActorHandle<Tiny>>> created = new ArrayList<>();
				for (int i = 0; i < TINY_ACTORS; i++) {
					created.add(system.createActor(Tiny.class, CreateOptions.uid(String.format("tiny-%03d", i))));
				}
				CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
				ActorHandle<Tiny> first = created.get(0).join();
				// enough that some are sampled for the call graph (1 in 16)
				for (int i = 0; i < CALLS_TO_FIRST; i++) {
					first.method("echo").send("hi").join();
				}
			};
		}

	}

	/** @return how many event streams the server feeds now */
	abstract int activeStreams();

	@Test
	void servesThePageAndRedirectsToIt() throws Exception {
		HttpResponse<String> page = LocalHttp.get(this.port, "/xoscar/", WAIT);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<table id=\"pools\">", "id=\"actor-filter\"", "id=\"calls-chart\"",
				"<link rel=\"icon\" href=\"data:,\">", "src=\"dashboard.js\"");
		HttpResponse<String> bare = LocalHttp.get(this.port, "/xoscar", WAIT);
		assertThat(bare.statusCode()).isBetween(301, 308);
		assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("xoscar/"));
	}

	@Test
	void servesTheAssetsAndUplot() throws Exception {
		assertServed("/xoscar/dashboard.js", "javascript", "EventSource");
		assertServed("/xoscar/dashboard.css", "text/css", "#call-graph");
		assertServed("/xoscar/vendor/echarts/echarts.esm.min.js", "javascript", "export");
		assertServed("/xoscar/vendor/uplot/uPlot.esm.js", "javascript", "export { uPlot as default }");
		assertServed("/xoscar/vendor/uplot/uPlot.min.css", "text/css", ".uplot");
		assertThat(LocalHttp.get(this.port, "/xoscar/missing.js", WAIT).statusCode()).isEqualTo(404);
	}

	private void assertServed(String path, String type, String content) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, WAIT);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).as(path)
			.hasValueSatisfying((value) -> assertThat(value).contains(type));
		assertThat(response.body()).as(path).contains(content);
	}

	@Test
	void snapshotListsPoolsActorsAndTotals() throws Exception {
		JsonNode snapshot = snapshot("");
		assertThat(snapshot.get("address").asString()).isEqualTo(this.system.address());
		assertThat(snapshot.get("takenAt").asLong()).isCloseTo(System.currentTimeMillis(),
				org.assertj.core.data.Offset.offset(60_000L));
		List<String> pools = new ArrayList<>();
		snapshot.get("pools").forEach((pool) -> {
			pools.add(pool.get("id").asString());
			assertThat(pool.get("status").asString()).isEqualTo("UP");
			assertThat(pool.get("state").asString()).isEqualTo("UP");
			assertThat(pool.path("actors").isMissingNode() || pool.get("actors").isNull())
				.as("pools come without their actors")
				.isTrue();
		});
		assertThat(pools).hasSize(2).first().isEqualTo("main");
		JsonNode actors = snapshot.get("actors");
		assertThat(actors.get("total").asInt()).isGreaterThanOrEqualTo(TINY_ACTORS);
		assertThat(actors.get("items").size()).isEqualTo(200);
		JsonNode first = actors.get("items").get(0);
		assertThat(first.get("uid").asString()).isEqualTo("tiny-000");
		assertThat(first.get("actorClass").asString()).contains("Tiny");
		assertThat(first.get("calls").asLong()).isGreaterThanOrEqualTo(5);
		JsonNode totals = snapshot.get("totals");
		assertThat(totals.get("calls").asLong()).isGreaterThanOrEqualTo(5);
		assertThat(totals.get("actors").asInt()).isEqualTo(actors.get("total").asInt());
		assertThat(totals.get("openStreams").asInt()).isZero();
		assertThat(snapshot.get("deadlocks").isArray()).isTrue();
		assertThat(snapshot.get("slowCalls").get("active").isArray()).isTrue();
		assertThat(snapshot.get("slowCalls").get("ended").isArray()).isTrue();
		assertThat(snapshot.get("streams").isArray()).isTrue();
	}

	@Test
	void snapshotDrawsTheCallGraphFromTheSampledCalls() throws Exception {
		JsonNode graph = snapshot("?limit=1").get("graph");
		assertThat(graph.get("aggregated").asBoolean()).isFalse();
		List<String> nodes = new ArrayList<>();
		graph.get("nodes").forEach((node) -> nodes.add(node.get("id").asString() + "=" + node.get("kind").asString()));
		assertThat(nodes).contains("outside=outside", "actor:tiny-000=actor");
		List<String> edges = new ArrayList<>();
		graph.get("edges").forEach((edge) -> edges.add(edge.get("from").asString() + ">" + edge.get("to").asString()));
		assertThat(edges).contains("outside>actor:tiny-000");
		assertThat(graph.get("cycles").isArray()).isTrue();
	}

	@Test
	void historyAndAnOpenedActorGiveTimeSeries() throws Exception {
		// a point a second, from the second tick on
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode history = get("/xoscar/api/history");
			assertThat(history.get("t").size()).isPositive();
			assertThat(history.get("calls").size()).isEqualTo(history.get("t").size());
			assertThat(history.get("p99").size()).isEqualTo(history.get("t").size());
		});
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode opened = get("/xoscar/api/actor?uid=tiny-000");
			assertThat(opened.get("actor").get("uid").asString()).isEqualTo("tiny-000");
			assertThat(opened.get("poolId").asString()).isEqualTo("main");
			assertThat(opened.get("classActors").asInt()).isEqualTo(TINY_ACTORS);
			assertThat(opened.get("methods")).singleElement().satisfies((method) -> {
				assertThat(method.get("method").asString()).isEqualTo("echo");
				assertThat(method.get("t").size()).isPositive();
			});
		});
		assertThat(LocalHttp.get(this.port, "/xoscar/api/actor", WAIT).statusCode()).isEqualTo(400);
		HttpResponse<String> missing = LocalHttp.get(this.port, "/xoscar/api/actor?uid=nobody", WAIT);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo("no actor 'nobody' is listed");
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, WAIT);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
		return LocalHttp.json(response);
	}

	@Test
	void snapshotFiltersAndPages() throws Exception {
		JsonNode tens = snapshot("?filter=TINY-01").get("actors");
		assertThat(tens.get("total").asInt()).isEqualTo(10);
		assertThat(uids(tens)).first().isEqualTo("tiny-010");
		JsonNode byClass = snapshot("?filter=dashboardoverhttptests%24tiny&limit=5").get("actors");
		assertThat(byClass.get("total").asInt()).isEqualTo(TINY_ACTORS);
		assertThat(byClass.get("items").size()).isEqualTo(5);
		JsonNode second = snapshot("?filter=tiny-&offset=200&limit=200").get("actors");
		assertThat(second.get("total").asInt()).isEqualTo(TINY_ACTORS);
		assertThat(uids(second)).hasSize(100).first().isEqualTo("tiny-200");
		JsonNode busiest = snapshot("?filter=tiny-&sort=calls&limit=1").get("actors");
		assertThat(uids(busiest)).containsExactly("tiny-000");
		JsonNode beyond = snapshot("?filter=tiny-&offset=1000").get("actors");
		assertThat(beyond.get("items").size()).isZero();
		assertThat(LocalHttp.get(this.port, "/xoscar/api/snapshot?limit=0", WAIT).statusCode()).isEqualTo(400);
		assertThat(LocalHttp.get(this.port, "/xoscar/api/snapshot?sort=size", WAIT).statusCode()).isEqualTo(400);
		assertThat(LocalHttp.get(this.port, "/xoscar/api/snapshot?offset=x", WAIT).statusCode()).isEqualTo(400);
	}

	@Test
	void eventStreamSendsSnapshotsAndStopsWhenTheClientGoesAway() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/xoscar/api/events?filter=tiny-00&limit=3"))
			.header("Accept", "text/event-stream")
			.timeout(WAIT)
			.build();
		long start = System.nanoTime();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<JsonNode> snapshots = new ArrayList<>();
		long firstMillis = -1;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String event = null;
			String line;
			while (snapshots.size() < 2 && (line = lines.readLine()) != null) {
				if (line.startsWith("event:")) {
					event = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					assertThat(event).isEqualTo("snapshot");
					snapshots.add(json.readTree(line.substring(5)));
					if (firstMillis < 0) {
						firstMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
					}
				}
			}
			assertThat(activeStreams()).isEqualTo(1);
		}
		assertThat(firstMillis).as("first event within 2 s").isLessThan(2000);
		assertThat(snapshots).hasSize(2).allSatisfy((snapshot) -> {
			assertThat(snapshot.get("actors").get("total").asInt()).isEqualTo(10);
			assertThat(uids(snapshot.get("actors"))).containsExactly("tiny-000", "tiny-001", "tiny-002");
		});
		assertThat(snapshots.get(1).get("takenAt").asLong()).isGreaterThan(snapshots.get(0).get("takenAt").asLong());
		await().atMost(WAIT).untilAsserted(() -> assertThat(activeStreams()).isZero());
	}

	JsonNode snapshot(String query) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, "/xoscar/api/snapshot" + query, WAIT);
		assertThat(response.statusCode()).as("%s: %s", query, response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return LocalHttp.json(response);
	}

	static List<String> uids(JsonNode page) {
		List<String> uids = new ArrayList<>();
		page.get("items").forEach((actor) -> uids.add(actor.get("uid").asString()));
		return uids;
	}

}
