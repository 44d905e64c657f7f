/**
 * Micrometer observations of actor calls: their names and keys
 * ({@link io.xoscar.observation.ActorCallObservation}), contexts and default conventions. A node
 * makes them when its configuration has an observation registry
 * ({@link io.xoscar.config.ActorSystemConfig.Builder#observationRegistry}).
 */
@NullMarked
package io.xoscar.observation;

import org.jspecify.annotations.NullMarked;
