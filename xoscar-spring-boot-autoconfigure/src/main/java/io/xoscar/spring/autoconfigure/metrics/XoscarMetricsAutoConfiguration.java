package io.xoscar.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.XoscarActorSystemCustomizer;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

/**
 * Micrometer meters of the node: hands the application's {@link MeterRegistry} to the auto-configured
 * {@link ActorSystemConfig} ({@link ActorSystemConfig.Builder#meterRegistry(MeterRegistry)}), and
 * the node registers its meters itself:
 * <ul>
 * <li>{@code xoscar.calls}: a function timer per actor class, method, outcome ({@code success},
 * {@code error}) and pool (group name), registered when the first actor of a class is created in a
 * pool group; the calls of actors in process pools are counted in their child JVMs and reported
 * to this node about once a second, so one scrape of the application sees them all;</li>
 * <li>{@code xoscar.pool.actors}, {@code xoscar.pool.backlog} (mailbox depth), {@code xoscar.pool.up}:
 * gauges per pool tagged {@code pool}, {@code index} and {@code mode}, registered when a pool starts
 * (also for pools added at run time) and removed with it.</li>
 * </ul>
 * Tag values come from code and configuration (class, method and pool names), never from actor
 * uids, so their number is bounded. This is why there is no {@code MeterBinder}: a binder is bound
 * once, when the context starts, while the node registers meters as classes of actors appear and
 * pools come and go. The registry is injected fully initialized, so Boot's meter filters and
 * customizers apply to these meters too: {@code management.metrics.enable.xoscar=false} turns them
 * off.
 * <p>
 * Needs a single (or primary) {@link MeterRegistry} bean, such as the one Spring Boot's metrics
 * auto-configuration makes ({@code spring-boot-starter-actuator}), and runs before
 * {@link XoscarAutoConfiguration} builds the configuration.
 */
@AutoConfiguration(before = XoscarAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ ActorSystem.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(MeterRegistry.class)
public final class XoscarMetricsAutoConfiguration {

	@Bean
	XoscarActorSystemCustomizer xoscarMetricsCustomizer(MeterRegistry registry) {
		return (builder) -> builder.meterRegistry(registry);
	}

}
