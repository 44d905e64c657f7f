package io.xoscar.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.XoscarActorSystemCustomizer;
import io.xoscar.spring.autoconfigure.XoscarProcessPoolCustomizer;

/**
 * Gives a node the context's observation registry: the application's node, and a process pool's
 * node in its child JVM, so that a trace continues across the pool's process.
 */
final class ObservationRegistryCustomizer implements XoscarActorSystemCustomizer, XoscarProcessPoolCustomizer {

	private final ObservationRegistry registry;

	ObservationRegistryCustomizer(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void customize(ActorSystemConfig.Builder builder) {
		builder.observationRegistry(this.registry);
	}

}
