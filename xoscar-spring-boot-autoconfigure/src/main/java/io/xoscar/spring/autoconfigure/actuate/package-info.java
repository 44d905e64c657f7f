/**
 * Spring Boot's actuator for a node: the {@code xoscar} endpoint
 * ({@link io.xoscar.spring.autoconfigure.actuate.endpoint}) and the {@code xoscar} health contributor
 * ({@link io.xoscar.spring.autoconfigure.actuate.health}), each with its own auto-configuration so
 * that each applies with its own optional module. This package holds only what both share: how a
 * pool is named ({@link io.xoscar.spring.autoconfigure.actuate.PoolIds}).
 */
package io.xoscar.spring.autoconfigure.actuate;
