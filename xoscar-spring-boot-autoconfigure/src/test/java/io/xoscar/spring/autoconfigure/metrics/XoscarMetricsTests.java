package io.xoscar.spring.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.spring.autoconfigure.XoscarActorSystemCustomizer;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The node's meters in the application's {@link MeterRegistry}: pool gauges (also for pools added
 * later), call timers by actor class, method and outcome, and Boot's meter filters.
 */
class XoscarMetricsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarMetricsAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2");

	public static class Echo extends StatelessActor {

		public String echo(String text) {
			if (text.isEmpty()) {
				throw new IllegalArgumentException("empty");
			}
			return text;
		}

	}

	@Test
	void publishesPoolGaugesAndCallTimers() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.runner.withBean(MeterRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasSingleBean(XoscarActorSystemCustomizer.class);
			assertThat(context.getBean(ActorSystemConfig.class).observability().meterRegistry()).isSameAs(registry);
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(registry.find("xoscar.pool.actors").gauges()).hasSize(3);
			ActorHandle<Echo> echo = system
				.createActor(Echo.class, CreateOptions.uid("echo-1").placement(Placement.pool(1)))
				.join();
			system.createActor(Echo.class, CreateOptions.uid("echo-2").placement(Placement.pool(1))).join();
			Gauge cpu1 = registry.get("xoscar.pool.actors").tags("pool", "cpu", "index", "1", "mode", "thread").gauge();
			assertThat(cpu1.value()).isEqualTo(2);
			assertThat(registry.get("xoscar.pool.actors").tags("pool", "main", "index", "0").gauge().value()).isZero();
			assertThat(registry.get("xoscar.pool.up").tags("index", "2").gauge().value()).isEqualTo(1);
			assertThat(registry.get("xoscar.pool.backlog").tags("index", "1").gauge().value()).isZero();

			for (int i = 0; i < 5; i++) {
				echo.method("echo").send("hi").get(10, TimeUnit.SECONDS);
			}
			assertThatThrownBy(() -> echo.method("echo").send("").get(10, TimeUnit.SECONDS))
				.hasRootCauseInstanceOf(IllegalArgumentException.class);
			FunctionTimer success = registry.get("xoscar.calls")
				.tags("actor", Echo.class.getName(), "method", "echo", "outcome", "success")
				.functionTimer();
			assertThat(success.count()).isEqualTo(5);
			assertThat(registry.get("xoscar.calls").tags("outcome", "error").functionTimer().count()).isEqualTo(1);
			// tag values are bounded: classes, methods and pools, never uids
			assertThat(registry.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
				.extracting(Tag::getValue)
				.doesNotContain("echo-1", "echo-2");
		});
	}

	@Test
	void followsPoolsAddedAndRemovedAtRunTime() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.runner.withBean(MeterRegistry.class, () -> registry).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			system.addPools(PoolConfig.thread("io")).join();
			assertThat(registry.get("xoscar.pool.actors").tags("pool", "io", "index", "3").gauge().value()).isZero();
			system.removePool(3).join();
			assertThat(registry.find("xoscar.pool.actors").tags("index", "3").gauge()).isNull();
			assertThat(registry.find("xoscar.pool.actors").gauges()).hasSize(3);
		});
	}

	@Test
	void usesTheRegistryOfBootsMetricsAutoConfiguration() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(context.getBean(ActorSystemConfig.class).observability().meterRegistry()).isSameAs(registry);
				assertThat(registry.find("xoscar.pool.up").gauges()).hasSize(3);
			});
	}

	@Test
	void honoursBootsMeterFilters() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withPropertyValues("management.metrics.enable.xoscar=false")
			.run((context) -> {
				ActorSystem system = context.getBean(ActorSystem.class);
				system.createActor(Echo.class, CreateOptions.uid("echo")).join().method("echo").send("hi").join();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("xoscar.pool.up").gauges()).isEmpty();
				assertThat(registry.find("xoscar.calls").functionTimers()).isEmpty();
			});
	}

}
