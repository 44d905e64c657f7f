package io.xoscar.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidXoscarPropertyFailureAnalyzerTests {

	private final AtomicReference<Environment> environment = new AtomicReference<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class))
		.withInitializer((context) -> this.environment.set(context.getEnvironment()));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			xoscar.address=localhost                                    | xoscar.address                     | localhost
			xoscar.address=127.0.0.1:65536                              | xoscar.address                     | 127.0.0.1:65536
			xoscar.address=:7700                                        | xoscar.address                     | :7700
			xoscar.advertised-address=gateway:99999                     | xoscar.advertised-address          | gateway:99999
			xoscar.main-pool-threads=-1                                 | xoscar.main-pool-threads           | -1
			xoscar.pools.gpu.count=0                                    | xoscar.pools.gpu.count             | 0
			xoscar.pools.gpu.threads=0                                  | xoscar.pools.gpu.threads           | 0
			xoscar.pools.gpu.start-timeout=0s                           | xoscar.pools.gpu.start-timeout     | PT0S
			xoscar.pools.gpu.jvm-args=-Xmx2g                            | xoscar.pools.gpu.jvm-args          | [-Xmx2g]
			xoscar.pools.gpu.env.OMP_NUM_THREADS=4                      | xoscar.pools.gpu.env               | {OMP_NUM_THREADS=4}
			xoscar.pools.gpu.cuda-devices=0                             | xoscar.pools.gpu.cuda-devices      | [0]
			xoscar.pools.gpu.mode=process xoscar.pools.gpu.cuda-devices=0,1 | xoscar.pools.gpu.cuda-devices | [0, 1]
			xoscar.debug.call-timeout=0s                                | xoscar.debug.call-timeout          | PT0S
			xoscar.debug.slow-call-threshold=-1s                        | xoscar.debug.slow-call-threshold   | PT-1S
			xoscar.debug.backlog-threshold=0s                           | xoscar.debug.backlog-threshold     | PT0S
			xoscar.debug.history=0                                      | xoscar.debug.history               | 0
			xoscar.transport.connect-timeout=0ms                        | xoscar.transport.connect-timeout   | PT0S
			xoscar.transport.max-frame-size=512B                        | xoscar.transport.max-frame-size    | 512B
			xoscar.transport.max-frame-size=2GB                         | xoscar.transport.max-frame-size    | 2147483648B
			xoscar.transport.incomplete-frame-memory=0B                 | xoscar.transport.incomplete-frame-memory | 0B
			xoscar.transport.frame-read-timeout=0s                      | xoscar.transport.frame-read-timeout | PT0S
			xoscar.recovery.max-restarts=-1                             | xoscar.recovery.max-restarts       | -1
			xoscar.recovery.restart-window=0s                           | xoscar.recovery.restart-window     | PT0S
			xoscar.recovery.min-backoff=-1ms                            | xoscar.recovery.min-backoff        | PT-0.001S
			xoscar.recovery.min-backoff=5s xoscar.recovery.max-backoff=1s | xoscar.recovery.max-backoff      | PT1S
			xoscar.recovery.jitter=1.5                                  | xoscar.recovery.jitter             | 1.5
			xoscar.recovery.jitter=-0.1                                 | xoscar.recovery.jitter             | -0.1
			xoscar.recovery.restart-wait=0s                             | xoscar.recovery.restart-wait       | PT0S
			""")
	void invalidValueFailsStartupNamingTheKey(String properties, String key, String value) {
		this.runner.withPropertyValues(properties.split(" ")).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new InvalidXoscarPropertyFailureAnalyzer(this.environment.get()).analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("Invalid value '" + value + "' for property '" + key + "'");
			assertThat(analysis.getAction()).startsWith("Update '" + key + "'");
		});
	}

	@Test
	void analysisSaysWhatToFix() {
		this.runner.withPropertyValues("xoscar.pools.gpu.mode=process", "xoscar.pools.gpu.count=2",
				"xoscar.pools.gpu.cuda-devices=0,1,2")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidXoscarPropertyFailureAnalyzer(this.environment.get())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid value '[0, 1, 2]' for property "
						+ "'xoscar.pools.gpu.cuda-devices' (from \"xoscar.pools.gpu.cuda-devices\" from property source "
						+ "\"test\"): must list one device per pool (2), lists 3.");
				assertThat(analysis.getAction()).isEqualTo("Update 'xoscar.pools.gpu.cuda-devices' in your "
						+ "configuration. List exactly 2 devices, or set xoscar.pools.gpu.count to 3.");
			});
	}

	@Test
	void aBackoffShorterThanItsMinimumSaysWhatToFix() {
		this.runner.withPropertyValues("xoscar.recovery.min-backoff=5s", "xoscar.recovery.max-backoff=1s")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidXoscarPropertyFailureAnalyzer(this.environment.get())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid value 'PT1S' for property "
						+ "'xoscar.recovery.max-backoff' (from \"xoscar.recovery.max-backoff\" from property source "
						+ "\"test\"): must not be shorter than min-backoff (PT5S).");
				assertThat(analysis.getAction()).isEqualTo("Update 'xoscar.recovery.max-backoff' in your configuration. "
						+ "Set it to PT5S or longer, or lower xoscar.recovery.min-backoff.");
			});
	}

	@Test
	void originOfAListIsWhereItsFirstEntryWasSet() {
		this.runner.withPropertyValues("xoscar.pools.cpu.jvm-args[0]=-Xmx1g", "xoscar.pools.cpu.jvm-args[1]=-Xss1m")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidXoscarPropertyFailureAnalyzer(this.environment.get())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid value '[-Xmx1g, -Xss1m]' for property "
						+ "'xoscar.pools.cpu.jvm-args' (from \"xoscar.pools.cpu.jvm-args[0]\" from property source "
						+ "\"test\"): needs mode process: a thread pool shares this JVM.");
				assertThat(analysis.getAction()).isEqualTo("Update 'xoscar.pools.cpu.jvm-args' in your configuration. "
						+ "Set xoscar.pools.cpu.mode to process, or remove xoscar.pools.cpu.jvm-args.");
			});
	}

	@Test
	void poolNamesThatAreNotKebabCaseUseTheBracketForm() {
		this.runner.withPropertyValues("xoscar.pools[big.pool].count=0").run((context) -> {
			FailureAnalysis analysis = new InvalidXoscarPropertyFailureAnalyzer(this.environment.get())
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Invalid value '0' for property 'xoscar.pools[big.pool].count'");
		});
	}

	@Test
	void isRegisteredAheadOfSpringBootsGenericBindingAnalyzer() {
		this.runner.withPropertyValues("xoscar.pools.gpu.count=0").run((context) -> {
			ArgumentResolver arguments = ArgumentResolver.of(Environment.class, this.environment.get())
				.and(BeanFactory.class, new DefaultListableBeanFactory());
			List<FailureAnalyzer> analyzers = new ArrayList<>(SpringFactoriesLoader.forDefaultResourceLocation()
				.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
				})));
			Collections.reverse(analyzers);
			AnnotationAwareOrderComparator.sort(analyzers);
			FailureAnalyzer first = analyzers.stream()
				.filter((analyzer) -> analyzer.analyze(context.getStartupFailure()) != null)
				.findFirst()
				.orElseThrow();
			assertThat(first).isInstanceOf(InvalidXoscarPropertyFailureAnalyzer.class);
		});
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(new InvalidXoscarPropertyFailureAnalyzer(null).analyze(new IllegalStateException("other"))).isNull();
		assertThat(Objects.requireNonNull(new InvalidXoscarPropertyFailureAnalyzer(null)
			.analyze(new InvalidXoscarPropertyException("xoscar.address", "x", "bad", "Fix it.")))
			.getDescription()).isEqualTo("Invalid value 'x' for property 'xoscar.address': bad.");
	}

}
