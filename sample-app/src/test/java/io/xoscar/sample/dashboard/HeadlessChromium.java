package io.xoscar.sample.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through the system's chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them). Register it on a
 * static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final HeadlessChromium browser = new HeadlessChromium();
 * </pre>
 *
 * Explicit paths to both binaries, so that Selenium Manager is never asked for a driver or a
 * browser (there is no network at test time). A fresh profile in a temporary directory. After
 * each test a screenshot (and the browser console of that test) goes to
 * {@code target/dashboard-screenshots/{Class}.{method}.png} (and {@code .log}), passed or
 * failed; after the class the browser and chromedriver are quit, whatever happened. Without
 * the binaries the class is skipped (disabled, with the reason) before its application context starts.
 * {@code -Dxoscar.test.chromium=...} and {@code -Dxoscar.test.chromedriver=...} point at
 * others.
 */
public final class HeadlessChromium
		implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	public static final String CHROMIUM = System.getProperty("xoscar.test.chromium", "/usr/bin/chromium");

	public static final String CHROMEDRIVER = System.getProperty("xoscar.test.chromedriver", "/usr/bin/chromedriver");

	/** Where the screenshots and console logs go (relative to the module: surefire's working directory). */
	public static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

	private ChromeDriverService service;

	private ChromeDriver driver;

	private Path profile;

	/** The chromedriver this class started, to end if quitting the browser did not. */
	private List<ProcessHandle> drivers = List.of();

	private final List<LogEntry> console = new ArrayList<>();

	/**
	 * Skips the class, and each of its tests, where a binary is missing: before anything starts
	 * (the application context included), and with a reason that says which one.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		return (missing != null) ? ConditionEvaluationResult.disabled(missing)
				: ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + ", chromedriver at " + CHROMEDRIVER);
	}

	private static String missing() {
		if (!Files.isExecutable(Paths.get(CHROMIUM))) {
			return "no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver): browser tests skipped";
		}
		if (!Files.isExecutable(Paths.get(CHROMEDRIVER))) {
			return "no chromedriver at " + CHROMEDRIVER + " (apt-get install chromium-driver): browser tests skipped";
		}
		return null;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		Assumptions.assumeTrue(missing() == null, HeadlessChromium::missing);
		Files.createDirectories(SCREENSHOTS);
		this.profile = Files.createTempDirectory("xoscar-chromium-");
		String name = context.getRequiredTestClass().getSimpleName();
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withLogFile(SCREENSHOTS.resolve(name + ".chromedriver.log").toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// as root in a container: no sandbox; nothing that reaches out to the network by itself
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + this.profile);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		List<ProcessHandle> before = driverProcesses();
		try {
			this.driver = new ChromeDriver(this.service, options);
		}
		catch (RuntimeException ex) {
			this.drivers = startedSince(before);
			close();
			throw ex;
		}
		this.drivers = startedSince(before);
	}

	/** Each test sees the console from its own start: what came before is dropped. */
	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		console();
		this.console.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		try {
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			List<String> lines = console().stream().map(HeadlessChromium::describe).toList();
			Files.write(SCREENSHOTS.resolve(name + ".log"), lines, StandardCharsets.UTF_8);
		}
		catch (RuntimeException | IOException ex) {
			// a screenshot that cannot be taken must not hide the test's own outcome
			System.err.println("no screenshot of " + name + ": " + ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/**
	 * Saves a screenshot of the whole page (not just the window) in {@link #SCREENSHOTS}, as
	 * {@code name.png}, then gives the window its size back.
	 * @param name the file's name without extension
	 */
	public void saveWholePage(String name) {
		org.openqa.selenium.Dimension window = this.driver.manage().window().getSize();
		Number height = (Number) this.driver.executeScript("return document.documentElement.scrollHeight");
		try {
			this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), height.intValue() + 40));
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not save " + name + ".png", ex);
		}
		finally {
			this.driver.manage().window().setSize(window);
		}
	}

	/** The browser, started for this test class. */
	public ChromeDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("the browser is not running (beforeAll did not start it)");
		}
		return this.driver;
	}

	/** A wait on the browser, polling every 100 ms for at most {@code timeout}. */
	public WebDriverWait waitAtMost(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(100));
		// live pages re-render: an element read while it is replaced is read again at the next poll
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** A wait on the browser with the default time-out (30 s: a busy 2-core machine). */
	public WebDriverWait await() {
		return waitAtMost(DEFAULT_WAIT);
	}

	/** Every browser console entry since the current test started (the driver hands each one out once). */
	public synchronized List<LogEntry> console() {
		if (this.driver != null) {
			this.driver.manage().logs().get(LogType.BROWSER).forEach(this.console::add);
		}
		return List.copyOf(this.console);
	}

	/** The console entries at {@code SEVERE}: uncaught errors, failed loads, {@code console.error}. */
	public List<String> consoleErrors() {
		return console().stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(HeadlessChromium::describe)
			.toList();
	}

	private static String describe(LogEntry entry) {
		return entry.getLevel() + " " + entry.getMessage();
	}

	private synchronized void close() {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		catch (RuntimeException ex) {
			System.err.println("quitting the browser: " + ex);
		}
		finally {
			this.driver = null;
			if (this.service != null) {
				this.service.stop();
				this.service = null;
			}
			// whatever quit left: the chromedriver this class started and the browser under it
			for (ProcessHandle process : this.drivers) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
			this.drivers = List.of();
			deleteProfile();
		}
	}

	private static List<ProcessHandle> startedSince(List<ProcessHandle> before) {
		return driverProcesses().stream().filter((process) -> !before.contains(process)).toList();
	}

	/** The chromedriver processes started by this JVM (the browser runs under them). */
	private static List<ProcessHandle> driverProcesses() {
		return ProcessHandle.current()
			.children()
			.filter((process) -> process.info().command().map((command) -> command.contains("chromedriver")).orElse(false))
			.toList();
	}

	private void deleteProfile() {
		if (this.profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("deleting " + this.profile + ": " + ex);
		}
		this.profile = null;
	}

}
