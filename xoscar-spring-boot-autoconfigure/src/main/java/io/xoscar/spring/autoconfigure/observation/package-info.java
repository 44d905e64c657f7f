/**
 * Micrometer observations of actor calls: the application's {@code ObservationRegistry} handed to
 * the node's configuration and to those of its process pools
 * ({@link io.xoscar.spring.autoconfigure.observation.XoscarObservationAutoConfiguration}).
 */
package io.xoscar.spring.autoconfigure.observation;
