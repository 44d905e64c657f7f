/**
 * The {@code xoscar} actuator endpoint
 * ({@link io.xoscar.spring.autoconfigure.actuate.endpoint.XoscarEndpoint}, {@code /actuator/xoscar}):
 * the node's pools, actors, calls in flight, deadlocks and slow calls, one descriptor record per
 * part of its JSON; and its auto-configuration
 * ({@link io.xoscar.spring.autoconfigure.actuate.endpoint.XoscarEndpointAutoConfiguration}), which
 * needs {@code spring-boot-actuator}.
 */
package io.xoscar.spring.autoconfigure.actuate.endpoint;
