package io.xoscar.spring.autoconfigure.dashboard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.InvalidXoscarPropertyException;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.actuate.endpoint.XoscarEndpoint;

/**
 * Auto-configuration of the live dashboard page ({@code xoscar.dashboard.enabled=true}, served at
 * {@code xoscar.dashboard.path}, {@code /xoscar} by default) in Spring MVC and WebFlux applications
 * whose node runs. Its data comes from the {@code xoscar} actuator endpoint's collectors (the
 * application's {@link XoscarEndpoint} bean if it has one), so it needs
 * {@code spring-boot-starter-actuator}: switched on without it, the application fails to start. The
 * routes are functional ({@code RouterFunction} beans), covered by Spring Security's filter chain
 * like any other request.
 * <p>
 * Routes, under the path P: {@code GET P} (redirects to {@code P/}), {@code GET P/} (the page),
 * {@code GET P/api/snapshot} (a {@link DashboardSnapshot} as JSON), {@code GET P/api/events} (a
 * {@code snapshot} server-sent event each second), {@code GET P/api/history} (the node's
 * {@link DashboardSeries} of the last 5 minutes), {@code GET P/api/actor?uid=} (a
 * {@link DashboardActor}), {@code GET P/vendor/uplot/**} and {@code GET P/vendor/echarts/**}
 * (the webjars' {@code dist} files) and {@code GET P/**} (the page's assets). The snapshot and
 * events take the parameters of a {@link DashboardQuery}.
 */
@AutoConfiguration(after = XoscarAutoConfiguration.class)
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "xoscar.dashboard.enabled")
@ConditionalOnBean(ActorSystem.class)
@EnableConfigurationProperties(XoscarDashboardProperties.class)
public final class XoscarDashboardAutoConfiguration {

	static final String ENDPOINT = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(ENDPOINT)
	static final class ActuatorMissingConfiguration {

		ActuatorMissingConfiguration() {
			throw new InvalidXoscarPropertyException("xoscar.dashboard.enabled", true,
					"the dashboard needs Spring Boot's actuator (spring-boot-starter-actuator), which is not on the class path",
					"Add the org.springframework.boot:spring-boot-starter-actuator dependency, or set xoscar.dashboard.enabled=false.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = ENDPOINT)
	static final class SnapshotsConfiguration {

		@Bean
		DashboardHistory xoscarDashboardHistory(ActorSystem system) {
			return new DashboardHistory(system::methodStats, true);
		}

		@Bean
		@ConditionalOnMissingBean
		DashboardSnapshots xoscarDashboardSnapshots(ActorSystem system, ObjectProvider<XoscarEndpoint> endpoint,
				DashboardHistory history) {
			return new DashboardSnapshots(endpoint.getIfAvailable(() -> new XoscarEndpoint(system)), history);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { ENDPOINT, "org.springframework.web.servlet.function.RouterFunction" })
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static final class MvcConfiguration {

		@Bean
		DashboardMvcRoutes xoscarDashboardMvcRoutes(DashboardSnapshots snapshots) {
			return new DashboardMvcRoutes(snapshots);
		}

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> xoscarDashboardRouterFunction(
				DashboardMvcRoutes routes, XoscarDashboardProperties properties) {
			return routes.routes(properties.base());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { ENDPOINT, "org.springframework.web.reactive.function.server.RouterFunction" })
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static final class WebFluxConfiguration {

		@Bean
		DashboardWebFluxRoutes xoscarDashboardWebFluxRoutes(DashboardSnapshots snapshots) {
			return new DashboardWebFluxRoutes(snapshots);
		}

		@Bean
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> xoscarDashboardRouterFunction(
				DashboardWebFluxRoutes routes, XoscarDashboardProperties properties) {
			return routes.routes(properties.base());
		}

	}

}
