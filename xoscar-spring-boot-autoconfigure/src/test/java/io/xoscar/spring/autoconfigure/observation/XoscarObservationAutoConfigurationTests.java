package io.xoscar.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.XoscarActorSystemCustomizer;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.XoscarProcessPoolCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the application's {@link ObservationRegistry} is handed to the node (and the nodes of process
 * pools): with a single registry, unless there is none. The observations themselves are tested by
 * {@link XoscarObservationTests}.
 */
class XoscarObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarObservationAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1");

	@Test
	void handsTheRegistryToTheNodeAndToProcessPools() {
		ObservationRegistry registry = ObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThat(context.getBean(ActorSystemConfig.class).observationRegistry()).isSameAs(registry);
			assertThat(context.getBean(XoscarActorSystemCustomizer.class))
				.isSameAs(context.getBean(XoscarProcessPoolCustomizer.class));
		});
	}

	@Test
	void usesTheRegistryOfBootsObservationAutoConfiguration() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasSingleBean(XoscarActorSystemCustomizer.class);
			assertThat(context.getBean(ActorSystemConfig.class).observationRegistry())
				.isSameAs(context.getBean(ObservationRegistry.class));
		});
	}

	@Test
	void backsOffWithoutARegistry() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(XoscarActorSystemCustomizer.class);
			assertThat(context.getBean(ActorSystemConfig.class).observationRegistry()).isNull();
		});
	}

}
