package io.xoscar.sample.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard follows the {@code gpu} pool through a {@code kill -9} of its child JVM: its row
 * reads {@code RESTARTING}, then {@code UP} again with the new process's pid and one restart.
 * Its own context (closed afterwards) with the restart settings of {@code GpuPoolRecoveryTests},
 * so that the other tests keep their model. Every status the page rendered for the pool is
 * recorded in the page itself, so that a short {@code RESTARTING} is not missed between polls.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// a child Spring context may take long to start on a busy machine
		properties = { "xoscar.dashboard.enabled=true", "xoscar.pools.gpu.start-timeout=2m",
				"xoscar.recovery.restart-wait=2m", "xoscar.debug.call-timeout=2m" })
@DirtiesContext
class DashboardGpuRestartBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	/** Records each change of the gpu pool row's status, as the page renders it. */
	private static final String RECORD_GPU_STATUS = """
			window.gpuStatuses = [];
			const read = () => {
			  const cell = document.querySelector('#pools tr[data-pool-id="' + arguments[0] + '"] .pool-status');
			  const status = cell && cell.textContent.trim();
			  const seen = window.gpuStatuses;
			  if (status && seen[seen.length - 1] !== status) seen.push(status);
			};
			new MutationObserver(read).observe(document.getElementById('pools'),
			    { childList: true, subtree: true, characterData: true });
			read();
			""";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystem system;

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void killedGpuPoolShowsRestartingThenUpWithItsNewPid() {
		browser.driver().get("http://127.0.0.1:" + this.port + "/xoscar/");
		long killed = gpuPool().pid();
		browser.await()
			.withMessage("live, with " + gpuId() + " UP at pid " + killed)
			.until((driver) -> "live".equals(driver.findElement(By.id("status")).getText().trim())
					&& "UP".equals(gpuCell("pool-status")) && String.valueOf(killed).equals(gpuCell("pool-pid")));
		browser.driver().executeScript(RECORD_GPU_STATUS, gpuId());

		ProcessHandle.of(killed).orElseThrow().destroyForcibly();

		browser.waitAtMost(TIMEOUT)
			.withMessage(() -> gpuId() + " UP again at a new pid; statuses rendered: " + statuses())
			.until((driver) -> statuses().contains("RESTARTING") && "UP".equals(gpuCell("pool-status"))
					&& !String.valueOf(killed).equals(gpuCell("pool-pid")));
		assertThat(statuses()).as("statuses rendered for " + gpuId()).containsSubsequence("UP", "RESTARTING", "UP");
		assertThat(statuses()).doesNotContain("DOWN");
		browser.await()
			.withMessage(() -> gpuId() + " at the restarted pool's pid with one restart")
			.until((driver) -> String.valueOf(gpuPool().pid()).equals(gpuCell("pool-pid"))
					&& "1".equals(gpuCell("pool-restarts")));
		assertThat(browser.consoleErrors()).as("SEVERE browser console entries").isEmpty();
	}

	/** The text of a cell of the gpu pool's row, or null while there is none. */
	private String gpuCell(String className) {
		return (String) browser.driver()
			.executeScript("const cell = document.querySelector('#pools tr[data-pool-id=\"' + arguments[0] + '\"] .'"
					+ " + arguments[1]); return cell ? cell.textContent.trim() : null;", gpuId(), className);
	}

	/**
	 * The gpu pool's id on the page: its name and index. Not {@code gpu-3} here: with
	 * {@code xoscar.pools.gpu.*} properties of the test's own, the gpu pool is bound first.
	 */
	private String gpuId() {
		return "gpu-" + gpuPool().index();
	}

	@SuppressWarnings("unchecked")
	private static List<String> statuses() {
		Object seen = browser.driver().executeScript("return window.gpuStatuses || [];");
		return (List<String>) seen;
	}

	private PoolInfo gpuPool() {
		return this.system.pools().stream().filter((pool) -> pool.name().equals("gpu")).findFirst().orElseThrow();
	}

}
