/**
 * The live dashboard page ({@code xoscar.dashboard.enabled}, at {@code xoscar.dashboard.path}):
 * its auto-configuration
 * ({@link io.xoscar.spring.autoconfigure.dashboard.XoscarDashboardAutoConfiguration}), its
 * functional routes on Spring MVC and WebFlux, and the snapshots it shows
 * ({@link io.xoscar.spring.autoconfigure.dashboard.DashboardSnapshots}), made from the
 * {@code xoscar} actuator endpoint's collectors. The page and its assets are in
 * {@code META-INF/xoscar/dashboard/}.
 */
package io.xoscar.spring.autoconfigure.dashboard;
