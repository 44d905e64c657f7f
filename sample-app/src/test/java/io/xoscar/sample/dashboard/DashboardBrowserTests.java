package io.xoscar.sample.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.test.spring.AutoConfigureXoscarTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at {@code /xoscar/} in a real (headless) browser, fed live by the sample's actor
 * system: the page connects, lists the sample's pools and actors, moves its call-rate chart as
 * requests come in, and filters its actors table. The page is read through the DOM contract
 * (ids, classes and {@code data-} attributes), in one script call at a time, since each snapshot
 * re-renders the tables. A screenshot per test in {@code target/dashboard-screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "xoscar.dashboard.enabled=true")
@AutoConfigureXoscarTest
class DashboardBrowserTests {

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The visible rows of a table, keyed by a data- attribute, with the text of each cell by its class. */
	private static final String ROWS = """
			const [table, key] = arguments;
			const rows = {};
			for (const row of document.querySelectorAll('#' + table + ' tr[data-' + key + ']')) {
			  if (row.getClientRects().length === 0) continue;
			  const cells = {};
			  for (const cell of row.querySelectorAll('[class]')) {
			    for (const name of cell.classList) cells[name] = cell.textContent.trim();
			  }
			  rows[row.getAttribute('data-' + key)] = cells;
			}
			return rows;
			""";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@BeforeEach
	void openTheDashboard() {
		browser.driver().get("http://127.0.0.1:" + this.port + "/xoscar/");
		browser.await()
			.withMessage("#status reads 'live' (the page's EventSource is connected)")
			.until((driver) -> "live".equals(driver.findElement(By.id("status")).getText().trim()));
	}

	@Test
	void pageLoadsLiveWithoutConsoleErrors() {
		// a snapshot rendered, so that its rendering could have failed too
		browser.await().withMessage("a snapshot lists the pools").until((driver) -> !pools().isEmpty());
		assertThat(browser.driver().getTitle()).isNotBlank();
		assertThat(browser.consoleErrors()).as("SEVERE browser console entries").isEmpty();
	}

	@Test
	void listsTheSamplesPoolsAllUpAndItsActors() {
		List<String> ids = List.of("main", "cpu-1", "cpu-2", "gpu-3");
		browser.await()
			.withMessage(() -> "pools " + ids + " listed, all UP; listed: " + pools())
			.until((driver) -> {
				Map<String, Map<String, String>> pools = pools();
				return pools.keySet().equals(Set.copyOf(ids))
						&& pools.values().stream().allMatch((pool) -> "UP".equals(pool.get("pool-status")));
			});
		Map<String, Map<String, String>> pools = pools();
		assertThat(pools.get("gpu-3").get("pool-pid")).as("the gpu pool's child JVM")
			.isEqualTo(String.valueOf(gpuPool().pid()));
		assertThat(pools.get("main").get("pool-pid")).isEqualTo(String.valueOf(ProcessHandle.current().pid()));

		browser.await()
			.withMessage(() -> "actors batcher, tokenizer, model, generator listed; listed: " + actors().keySet())
			.until((driver) -> actors().keySet().equals(Set.of("batcher", "tokenizer", "model", "generator")));
		Map<String, Map<String, String>> actors = actors();
		assertThat(actors.get("model").get("actor-pool")).contains("gpu");
		assertThat(actors.get("batcher").get("actor-pool")).contains("main");
	}

	@Test
	void sentimentCallsMoveTheCallRateChart() throws Exception {
		browser.await()
			.withMessage("#calls-chart has data-total-calls")
			.until((driver) -> number(chart("data-total-calls")) != null);
		double before = number(chart("data-total-calls"));

		for (int i = 0; i < 5; i++) {
			assertThat(sentiment("good fast request " + i).statusCode()).isEqualTo(200);
		}
		// the rate is per snapshot: while waiting, keep calling, so that the latest snapshot has calls
		browser.await()
			.withMessage(() -> "data-total-calls above " + before + " and data-last-rate above 0; now "
					+ chart("data-total-calls") + " and " + chart("data-last-rate"))
			.until((driver) -> {
				Double total = number(chart("data-total-calls"));
				Double rate = number(chart("data-last-rate"));
				if (total != null && total > before && rate != null && rate > 0) {
					return true;
				}
				sentiment("nice one");
				return false;
			});
	}

	@Test
	void actorFilterNarrowsTheActorsTableToTheModel() throws Exception {
		browser.await().withMessage("the four actors listed").until((driver) -> actors().size() == 4);

		WebElement filter = browser.driver().findElement(By.id("actor-filter"));
		filter.sendKeys("model");
		browser.await()
			.withMessage(() -> "only the model listed; listed: " + actors().keySet())
			.until((driver) -> actors().keySet().equals(Set.of("model")));

		// and it stays so when the next snapshots re-render the table
		String total = chart("data-total-calls");
		sentiment("good");
		browser.await()
			.withMessage("a later snapshot counts the call")
			.until((driver) -> !Objects.equals(total, chart("data-total-calls")));
		assertThat(actors().keySet()).containsExactly("model");

		filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		browser.await()
			.withMessage(() -> "all four back once the filter is cleared; listed: " + actors().keySet())
			.until((driver) -> actors().size() == 4);
	}

	/** An attribute of the call-rate chart, looked up afresh (a snapshot may replace the element). */
	private static String chart(String attribute) {
		return browser.driver().findElement(By.id("calls-chart")).getDomAttribute(attribute);
	}

	private Map<String, Map<String, String>> pools() {
		return rows("pools", "pool-id");
	}

	private Map<String, Map<String, String>> actors() {
		return rows("actors", "uid");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, String>> rows(String table, String key) {
		return (Map<String, Map<String, String>>) browser.driver().executeScript(ROWS, table, key);
	}

	private static Double number(String text) {
		try {
			return (text != null) ? Double.valueOf(text.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private HttpResponse<String> sentiment(String text) {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/sentiment?text="
				+ URLEncoder.encode(text, StandardCharsets.UTF_8));
		try {
			return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + uri, ex);
		}
	}

	private PoolInfo gpuPool() {
		return this.system.pools().stream().filter((pool) -> pool.name().equals("gpu")).findFirst().orElseThrow();
	}

}
