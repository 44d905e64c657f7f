package io.xoscar.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

/**
 * Micrometer observations of actor calls: hands the application's {@link ObservationRegistry} to
 * the auto-configured {@link ActorSystemConfig}
 * ({@link ActorSystemConfig.Builder#observationRegistry(ObservationRegistry)}), in this JVM and in
 * the child JVMs of process pools (whose context has its own registry), so that every call is
 * observed on the caller's side ({@code xoscar.call.client}) and on the callee's side
 * ({@code xoscar.call.server}, a child of the caller's, also across processes and hosts: the trace
 * context travels with the call). With Micrometer Tracing the observations are spans of one trace;
 * with Boot's metrics they are also timers of those names.
 * {@code management.observations.enable.xoscar=false} turns them off (Boot applies it as an
 * observation predicate on the names).
 * <p>
 * Needs a single (or primary) {@link ObservationRegistry} bean, such as the one Spring Boot's
 * observation auto-configuration makes ({@code spring-boot-starter-actuator}), and runs before
 * {@link XoscarAutoConfiguration} builds the configuration.
 */
@AutoConfiguration(before = XoscarAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ActorSystem.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(ObservationRegistry.class)
public final class XoscarObservationAutoConfiguration {

	@Bean
	ObservationRegistryCustomizer xoscarObservationCustomizer(ObservationRegistry registry) {
		return new ObservationRegistryCustomizer(registry);
	}

}
