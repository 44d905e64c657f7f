package io.xoscar.spring.autoconfigure.actuate.health;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code xoscar} health contributor is configured: with Spring Boot's health module on the
 * class path and a node running, unless it is disabled or the application defines its own. What it
 * says is tested by {@link XoscarHealthContributorTests}.
 */
class XoscarHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class,
				XoscarHealthContributorAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2", "xoscar.pools.cpu.labels=cpu");

	@Test
	void contributesWhenANodeRuns() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(XoscarHealthContributor.class);
			assertThat(context.getBean("xoscarHealthContributor")).isInstanceOf(CompositeHealthContributor.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("management.health.xoscar.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(CompositeHealthContributor.class);
		});
	}

	@Test
	void backsOffWhenHealthDefaultsAreDisabled() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CompositeHealthContributor.class);
		});
	}

	@Test
	void backsOffWhenXoscarIsDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(CompositeHealthContributor.class);
		});
	}

	@Test
	void backsOffWithoutTheHealthModule() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean("xoscarHealthContributor");
		});
	}

	@Test
	void backsOffToAUserDefinedContributor() {
		this.runner.withUserConfiguration(UserContributor.class).run((context) -> {
			assertThat(context.getBean("xoscarHealthContributor")).isSameAs(UserContributor.INDICATOR);
			assertThat(context).doesNotHaveBean(XoscarHealthContributor.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributor {

		static final HealthIndicator INDICATOR = () -> Health.up().withDetails(Map.of("user", true)).build();

		@Bean
		HealthIndicator xoscarHealthContributor() {
			return INDICATOR;
		}

	}


}
