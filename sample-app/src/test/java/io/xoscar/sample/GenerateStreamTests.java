package io.xoscar.sample;

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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.test.spring.AutoConfigureXoscarTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /generate} as a browser sees it: tokens made in the {@code gpu} pool's child JVM arrive
 * as server-sent events, in order; a client that disconnects mid-stream cancels the generation in
 * the child (its status says so), and the generator takes the next request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureXoscarTest
class GenerateStreamTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	private HttpRequest generate(int tokens, long paceMillis) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/generate?prompt=hello&tokens="
				+ tokens + "&pace-ms=" + paceMillis))
			.header("Accept", "text/event-stream")
			.timeout(TIMEOUT)
			.build();
	}

	private TextGenerator.Status status() {
		ActorHandle<TextGenerator> generator = this.system.actorRef(this.system.address(), "generator", TextGenerator.class)
			.join();
		return generator.method("status").call();
	}

	@Test
	void tokensArriveAsServerSentEventsInOrder() throws Exception {
		HttpResponse<String> response = http.send(generate(5, 10), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> events = response.body()
			.lines()
			.filter((line) -> line.startsWith("data:"))
			.map((line) -> line.substring("data:".length()))
			.toList();
		assertThat(events).containsExactly("hello:", "stream", "tokens", "to", "their");
	}

	@Test
	void aClientThatDisconnectsCancelsTheGenerationInTheGpuProcess() throws Exception {
		int cancelledBefore = status().cancelled();
		HttpResponse<InputStream> response = http.send(generate(100_000, 20), HttpResponse.BodyHandlers.ofInputStream());
		List<String> seen = new ArrayList<>();
		try (InputStream body = response.body();
				BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String line;
			while (seen.size() < 3 && (line = lines.readLine()) != null) {
				if (line.startsWith("data:")) {
					seen.add(line);
				}
			}
		}
		assertThat(seen).hasSize(3);
		await().atMost(TIMEOUT).untilAsserted(() -> {
			TextGenerator.Status now = status();
			assertThat(now.cancelled()).as("generations cancelled").isGreaterThan(cancelledBefore);
			assertThat(now.running()).as("generations running").isZero();
		});
		long tokens = status().tokens();
		await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> status().tokens() == tokens);
		HttpResponse<String> next = http.send(generate(2, 1), HttpResponse.BodyHandlers.ofString());
		assertThat(next.body()).contains("data:hello:");
	}

}
