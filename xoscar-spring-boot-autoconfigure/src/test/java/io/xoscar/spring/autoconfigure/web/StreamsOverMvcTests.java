package io.xoscar.spring.autoconfigure.web;

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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring MVC controller returns an actor's stream as server-sent events, over HTTP on a real
 * server: the items arrive as events in order, and a client that goes away cancels the producer.
 */
@SpringBootTest(classes = StreamsOverMvcTests.MvcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "xoscar.main-pool-threads=2" })
class StreamsOverMvcTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Value("${local.server.port}")
	private int port;

	/** Ticks every 10 ms, as long as it is wanted (and no faster than it is taken: MVC asks for one at a time). */
	public static class Ticker extends Actor {

		static final AtomicInteger cancelled = new AtomicInteger();

		public Flux<String> ticks(int count) {
			return Flux.range(0, count)
				.delayElements(Duration.ofMillis(10))
				.map((tick) -> "tick " + tick)
				.doOnCancel(cancelled::incrementAndGet);
		}

	}

	@RestController
	static class TickController {

		private final ActorHandle<Ticker> ticker;

		TickController(ActorSystem system) {
			this.ticker = system.createActor(Ticker.class, CreateOptions.uid("ticker")).join();
		}

		@GetMapping(path = "/ticks", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> ticks(@RequestParam("count") int count) {
			return this.ticker.method("ticks").stream(count);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TickController.class)
	static class MvcApplication {

	}

	private HttpRequest ticks(int count) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/ticks?count=" + count))
			.header("Accept", "text/event-stream")
			.timeout(TIMEOUT)
			.build();
	}

	@Test
	void itemsArriveAsEventsInOrder() throws Exception {
		HttpResponse<String> response = http.send(ticks(3), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().lines().filter((line) -> line.startsWith("data:")).toList())
			.containsExactly("data:tick 0", "data:tick 1", "data:tick 2");
	}

	@Test
	void aClientThatGoesAwayCancelsTheProducer() throws Exception {
		int before = Ticker.cancelled.get();
		HttpResponse<InputStream> response = http.send(ticks(1_000_000), HttpResponse.BodyHandlers.ofInputStream());
		List<String> seen = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while (seen.size() < 3 && (line = lines.readLine()) != null) {
				if (line.startsWith("data:")) {
					seen.add(line);
				}
			}
		}
		assertThat(seen).containsExactly("data:tick 0", "data:tick 1", "data:tick 2");
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Ticker.cancelled.get()).isGreaterThan(before));
	}

}
