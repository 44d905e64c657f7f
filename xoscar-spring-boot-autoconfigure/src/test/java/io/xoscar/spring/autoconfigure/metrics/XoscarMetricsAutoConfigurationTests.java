package io.xoscar.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.XoscarActorSystemCustomizer;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the application's {@link MeterRegistry} is handed to the node: with Micrometer on the class
 * path and a single registry, unless xoscar is disabled. The meters themselves are tested by
 * {@link XoscarMetricsTests}.
 */
class XoscarMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarMetricsAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2");

	@Test
	void handsTheApplicationsRegistryToTheNode() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.runner.withBean(MeterRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasSingleBean(XoscarActorSystemCustomizer.class);
			assertThat(context.getBean(ActorSystemConfig.class).meterRegistry()).isSameAs(registry);
		});
	}

	@Test
	void backsOffWithoutARegistry() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(XoscarActorSystemCustomizer.class);
			assertThat(context.getBean(ActorSystemConfig.class).meterRegistry()).isNull();
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withClassLoader(new FilteredClassLoader("io.micrometer."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean(XoscarActorSystemCustomizer.class);
				assertThat(context.getBean(ActorSystemConfig.class).meterRegistry()).isNull();
			});
	}

	@Test
	void backsOffWhenXoscarIsDisabled() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("xoscar.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean(XoscarActorSystemCustomizer.class);
			});
	}

}
