package io.xoscar.spring.autoconfigure.actuate.endpoint;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code xoscar} endpoint is configured: exposed and accessible, with the actuator on the
 * class path and a node running, unless the application defines its own. What it says is tested by
 * {@link XoscarEndpointTests}.
 */
class XoscarEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarEndpointAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2", "xoscar.pools.cpu.labels=cpu",
				"management.endpoints.web.exposure.include=xoscar");

	@Test
	void isAvailableWhenExposed() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(XoscarEndpoint.class);
			assertThat(context).hasBean("xoscarEndpoint");
		});
	}

	@Test
	void isNotAvailableUnlessExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(XoscarEndpoint.class);
		});
	}

	@Test
	void isNotAvailableWithoutAccess() {
		this.runner.withPropertyValues("management.endpoint.xoscar.access=NONE").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(XoscarEndpoint.class);
		});
	}

	@Test
	void backsOffWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean("xoscarEndpoint");
			});
	}

	@Test
	void backsOffWhenXoscarIsDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(XoscarEndpoint.class);
		});
	}

	@Test
	void backsOffToAUserDefinedEndpoint() {
		this.runner.withBean("userEndpoint", XoscarEndpoint.class, () -> new XoscarEndpoint(null))
			.run((context) -> assertThat(context).getBean(XoscarEndpoint.class).isSameAs(context.getBean("userEndpoint")));
	}

}
