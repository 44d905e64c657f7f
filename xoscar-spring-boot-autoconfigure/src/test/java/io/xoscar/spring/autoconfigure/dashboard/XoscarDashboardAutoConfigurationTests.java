package io.xoscar.spring.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.InvalidXoscarPropertyException;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dashboard is configured: only when switched on, in Spring MVC and in WebFlux
 * applications with a running node and the actuator; switched on without the actuator, the
 * application fails to start, and so it does with a bad path.
 */
class XoscarDashboardAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(XoscarAutoConfiguration.class,
			XoscarDashboardAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("xoscar.main-pool-threads=1");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("xoscar.main-pool-threads=1");

	@Test
	void offByDefault() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(DashboardSnapshots.class);
			assertThat(context).doesNotHaveBean("xoscarDashboardRouterFunction");
		});
		this.reactive.run((context) -> assertThat(context).doesNotHaveBean("xoscarDashboardRouterFunction"));
	}

	@Test
	void routesOnSpringMvc() {
		this.servlet.withPropertyValues("xoscar.dashboard.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(DashboardSnapshots.class);
			assertThat(context).hasSingleBean(DashboardMvcRoutes.class);
			assertThat(context).doesNotHaveBean(DashboardWebFluxRoutes.class);
			assertThat(context.getBean("xoscarDashboardRouterFunction"))
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class);
			assertThat(context.getBean(XoscarDashboardProperties.class).path()).isEqualTo("/xoscar");
		});
	}

	@Test
	void routesOnWebFlux() {
		this.reactive.withPropertyValues("xoscar.dashboard.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(DashboardSnapshots.class);
			assertThat(context).hasSingleBean(DashboardWebFluxRoutes.class);
			assertThat(context).doesNotHaveBean(DashboardMvcRoutes.class);
			assertThat(context.getBean("xoscarDashboardRouterFunction"))
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class);
		});
	}

	@Test
	void takesACustomPath() {
		this.servlet.withPropertyValues("xoscar.dashboard.enabled=true", "xoscar.dashboard.path=/admin/actors")
			.run((context) -> {
				XoscarDashboardProperties properties = context.getBean(XoscarDashboardProperties.class);
				assertThat(properties.path()).isEqualTo("/admin/actors");
				assertThat(properties.base()).isEqualTo("/admin/actors");
				assertThat(DashboardAssets.redirect(properties.base())).isEqualTo("actors/");
			});
		this.servlet.withPropertyValues("xoscar.dashboard.enabled=true", "xoscar.dashboard.path=/")
			.run((context) -> assertThat(context.getBean(XoscarDashboardProperties.class).base()).isEmpty());
	}

	@Test
	void rejectsABadPath() {
		for (String bad : new String[] { "xoscar", "/xoscar/", "/x//y", "/x/*" }) {
			this.servlet.withPropertyValues("xoscar.dashboard.enabled=true", "xoscar.dashboard.path=" + bad)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.as(bad)
					.isInstanceOf(InvalidXoscarPropertyException.class)
					.hasMessageContaining("xoscar.dashboard.path"));
		}
	}

	@Test
	void failsWhenSwitchedOnWithoutTheActuator() {
		this.servlet.withPropertyValues("xoscar.dashboard.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate."))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidXoscarPropertyException.class)
				.hasMessageContaining("xoscar.dashboard.enabled")
				.hasMessageContaining("spring-boot-starter-actuator"));
	}

	@Test
	void notWithoutTheNodeOrAWebApplication() {
		this.servlet.withPropertyValues("xoscar.dashboard.enabled=true", "xoscar.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardSnapshots.class));
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardSnapshots.class));
	}

}
