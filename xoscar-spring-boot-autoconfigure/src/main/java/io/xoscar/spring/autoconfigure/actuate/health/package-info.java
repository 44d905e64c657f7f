/**
 * The {@code xoscar} health contributor, one component per pool of the node, and its
 * auto-configuration
 * ({@link io.xoscar.spring.autoconfigure.actuate.health.XoscarHealthContributorAutoConfiguration}),
 * which needs {@code spring-boot-health}.
 */
package io.xoscar.spring.autoconfigure.actuate.health;
