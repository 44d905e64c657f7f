package io.xoscar.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where a node publishes its meters and observations: part of an {@link ActorSystemConfig}.
 *
 * @param meterRegistry where the node publishes its meters ({@code xoscar.calls} by actor class,
 * method and outcome; {@code xoscar.pool.*} per pool; {@code xoscar.deadlocks},
 * {@code xoscar.slow.calls}), or {@code null} for none
 * @param observationRegistry where the node reports an observation around every actor call:
 * {@code xoscar.call.client} on the caller's side, {@code xoscar.call.server} on the callee's side
 * ({@link io.xoscar.observation.ActorCallObservation}), with the caller's trace context carried to
 * the callee (also across processes and hosts); {@code null} (or a no-op registry) for none
 */
public record ObservabilityConfig(@Nullable MeterRegistry meterRegistry,
		@Nullable ObservationRegistry observationRegistry) {

}
