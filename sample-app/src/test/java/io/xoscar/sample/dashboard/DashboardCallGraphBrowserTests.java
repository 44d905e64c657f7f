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
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.exception.DeadlockException;
import io.xoscar.test.spring.AutoConfigureXoscarTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's call graph and opened actors in a real (headless) browser, on the sample's
 * running node (the same context as {@link DashboardBrowserTests}): requests draw the sample's
 * calls (outside actors → batcher → model), a deadlock provoked in the node is highlighted on the
 * graph within 2 s, a slow call makes its actor glow, and clicking an actor opens its per-method
 * charts. The drawing is read from the ECharts option the page set, and from the graph's
 * {@code data-} attributes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "xoscar.dashboard.enabled=true")
@AutoConfigureXoscarTest
class DashboardCallGraphBrowserTests {

	/** The bound: from the deadlock's detection to its cycle drawn on the page. */
	private static final Duration HIGHLIGHTED_WITHIN = Duration.ofSeconds(2);

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The links of the drawn graph: "from>to" → [color, inCycle]. */
	private static final String LINKS = """
			const option = window.xoscarDashboard && window.xoscarDashboard.graph();
			if (!option) return null;
			const series = option.series[0];
			const labels = {};
			for (const node of series.data) labels[node.id] = node.label;
			const links = {};
			for (const link of series.links) {
			  links[labels[link.source] + '>' + labels[link.target]] = [link.lineStyle.color, String(link.inCycle)];
			}
			return links;
			""";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	/** Two actors that call each other back: a transfer audits, the audit reads the balance it holds. */
	public static class Ledger extends Actor {

		public long transfer(String auditorAddress, String ownAddress) {
			ActorHandle<Auditor> auditor = system().handle(auditorAddress, "auditor", Auditor.class);
			return auditor.method("audit").<Long>call(ownAddress);
		}

		public long balance() {
			return 100;
		}

	}

	public static class Auditor extends Actor {

		public long audit(String ledgerAddress) {
			ActorHandle<Ledger> ledger = system().handle(ledgerAddress, "ledger", Ledger.class);
			return ledger.method("balance").<Long>call();
		}

	}

	@BeforeEach
	void openTheDashboard() {
		browser.driver().get("http://127.0.0.1:" + this.port + "/xoscar/");
		browser.await()
			.withMessage("#status reads 'live' (the page's EventSource is connected)")
			.until((driver) -> "live".equals(driver.findElement(By.id("status")).getText().trim()));
	}

	@Test
	void sentimentRequestsDrawTheSamplesCallsOnTheGraph() {
		// 1 call in 16 is sampled for the graph: keep asking until the sampled calls show the path
		browser.await()
			.withMessage(() -> "edges outside actors>batcher and batcher>model drawn; drawn: " + links())
			.until((driver) -> {
				Map<String, List<String>> links = links();
				if (links != null && links.containsKey("outside actors>batcher") && links.containsKey("batcher>model")) {
					return true;
				}
				for (int i = 0; i < 10; i++) {
					get("/sentiment?text=" + URLEncoder.encode("good fast request " + i, StandardCharsets.UTF_8));
				}
				return false;
			});
		assertThat(browser.consoleErrors()).as("SEVERE browser console entries").isEmpty();
	}

	@Test
	void aDeadlockProvokedInTheNodeIsHighlightedOnTheGraphWithinTwoSeconds() {
		// in the cpu-1 thread pool of the sample
		ActorHandle<Ledger> ledger = this.system
			.createActor(Ledger.class, CreateOptions.uid("ledger").placement(Placement.pool(1)))
			.join();
		ActorHandle<Auditor> auditor = this.system
			.createActor(Auditor.class, CreateOptions.uid("auditor").placement(Placement.pool(1)))
			.join();

		try {
			assertThatThrownBy(() -> ledger.method("transfer").call(auditor.address(), ledger.address()))
				.isInstanceOf(DeadlockException.class);
			long detected = System.nanoTime();

			browser.waitAtMost(HIGHLIGHTED_WITHIN)
				.withMessage(() -> "the cycle ledger → auditor → ledger highlighted; #call-graph data-cycle='"
						+ graph("data-cycle") + "', links " + links())
				.until((driver) -> "ledger → auditor → ledger".equals(graph("data-cycle")));
			Duration took = Duration.ofNanos(System.nanoTime() - detected);

			Map<String, List<String>> links = links();
			assertThat(links).containsEntry("ledger>auditor", List.of("#cf222e", "true"))
				.containsEntry("auditor>ledger", List.of("#cf222e", "true"));
			assertThat(graph("data-cycle-edges")).isEqualTo("2");
			assertThat(browser.driver().findElements(By.cssSelector("#deadlocks li.deadlock .cycle")))
				.extracting(WebElement::getText)
				.anySatisfy((cycle) -> assertThat(cycle).contains("ledger", "auditor"));
			System.out.printf("deadlock highlighted on the graph %d ms after it was detected%n", took.toMillis());
			browser.saveWholePage("dashboard-whole-page");
		}
		finally {
			// the context is shared with the other browser tests, which list the sample's actors
			this.system.destroyActor(ledger).join();
			this.system.destroyActor(auditor).join();
		}
	}

	@Test
	void aSlowCallMakesItsActorGlowWhileItRuns() {
		// the sample's slow-call threshold is 500 ms; the model warms up for 4 s
		CompletableFuture<HttpResponse<String>> warmUp = http.sendAsync(
				HttpRequest.newBuilder(uri("/warm-up?millis=4000")).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		browser.await()
			.withMessage(() -> "the model glows as slow; #call-graph data-slow='" + graph("data-slow") + "'")
			.until((driver) -> graph("data-slow").contains("model"));
		assertThat(warmUp.join().statusCode()).isEqualTo(200);
		browser.await()
			.withMessage(() -> "the glow ends with the call; data-slow='" + graph("data-slow") + "'")
			.until((driver) -> !graph("data-slow").contains("model"));
	}

	@Test
	void clickingAnActorOpensItsPerMethodCharts() {
		browser.await().withMessage("the model listed").until((driver) -> !driver.findElements(row("model")).isEmpty());
		browser.driver().findElement(row("model")).click();
		browser.await()
			.withMessage("#actor-detail opens on the model")
			.until((driver) -> "model".equals(driver.findElement(By.id("actor-detail")).getDomAttribute("data-uid"))
					&& driver.findElement(By.id("actor-detail")).isDisplayed());
		assertThat(browser.driver().findElement(By.id("actor-detail-title")).getText()).contains("model",
				"SentimentModel", "gpu");

		// calls of the model's batch method (the batcher sends scoreAll) show up in its charts
		browser.await()
			.withMessage(() -> "the opened model charts scoreAll with a rate above 0; methods "
					+ browser.driver().findElements(By.cssSelector("#actor-methods .method")).size())
			.until((driver) -> {
				List<WebElement> rows = driver.findElements(By.cssSelector("#actor-methods .method[data-method='scoreAll']"));
				if (!rows.isEmpty() && Double.parseDouble(rows.get(0).getDomAttribute("data-last-rate")) > 0
						&& !rows.get(0).findElements(By.cssSelector(".uplot")).isEmpty()) {
					return true;
				}
				for (int i = 0; i < 5; i++) {
					get("/sentiment?text=nice+one+" + i);
				}
				return false;
			});
		browser.driver().findElement(By.id("actor-detail-close")).click();
		browser.await().until((driver) -> !driver.findElement(By.id("actor-detail")).isDisplayed());
	}

	private static By row(String uid) {
		return By.cssSelector("#actors tr[data-uid='" + uid + "']");
	}

	private static String graph(String attribute) {
		String value = browser.driver().findElement(By.id("call-graph")).getDomAttribute(attribute);
		return (value != null) ? value : "";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> links() {
		return (Map<String, List<String>>) browser.driver().executeScript(LINKS);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private void get(String path) {
		try {
			http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + path, ex);
		}
	}

}
