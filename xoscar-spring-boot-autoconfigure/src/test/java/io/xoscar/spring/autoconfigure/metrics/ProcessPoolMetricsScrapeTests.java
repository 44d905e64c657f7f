package io.xoscar.spring.autoconfigure.metrics;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import io.xoscar.Actor;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;
import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Prometheus scrape of the application sees the calls of every actor, also of those in a
 * process pool's child JVM (tagged with their pool), the way users scrape one target per app.
 */
@SpringBootTest(classes = ProcessPoolMetricsScrapeTests.ScrapedApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=1", "xoscar.pools.gpu.mode=process",
				"xoscar.pools.gpu.jvm-args=-Xmx128m", "management.endpoints.web.exposure.include=prometheus" })
class ProcessPoolMetricsScrapeTests {

	@Value("${local.server.port}")
	private int port;

	@ActorRef("model")
	ModelApi model;

	@ActorRef("tokenizer")
	TokenizerApi tokenizer;

	@XActor(uid = "model", pool = "gpu")
	public static class Model extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@XActor(uid = "tokenizer", pool = "cpu")
	public static class Tokenizer extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	public interface ModelApi {

		long pid();

	}

	public interface TokenizerApi {

		long pid();

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Model.class, Tokenizer.class })
	static class ScrapedApplication {

	}

	@Test
	void aScrapeOfTheApplicationShowsTheCallsOfActorsInProcessPools() {
		assertThat(this.model.pid()).isNotEqualTo(ProcessHandle.current().pid());
		for (int i = 0; i < 4; i++) {
			this.model.pid();
			this.tokenizer.pid();
		}
		String model = "xoscar_calls_seconds_count{actor=\"" + Model.class.getName()
				+ "\",method=\"pid\",outcome=\"success\",pool=\"gpu\"} 5";
		String tokenizer = "xoscar_calls_seconds_count{actor=\"" + Tokenizer.class.getName()
				+ "\",method=\"pid\",outcome=\"success\",pool=\"cpu\"} 4";
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(scrape().lines()).contains(model, tokenizer));
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, "/actuator/prometheus", Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
