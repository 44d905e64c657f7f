package io.xoscar.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;

import static org.assertj.core.api.Assertions.assertThat;

class XoscarAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class));

	@Test
	void startsAnActorSystemFromProperties() {
		this.runner.withPropertyValues("xoscar.main-pool-threads=3", "xoscar.call-timeout=5s").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			ActorSystemConfig config = context.getBean(ActorSystemConfig.class);
			assertThat(config.mainPoolThreads()).isEqualTo(3);
			assertThat(config.callTimeout()).hasSeconds(5);
			assertThat(context.getBean(ActorSystem.class).address()).startsWith("127.0.0.1:").doesNotEndWith(":0");
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorSystem.class));
	}

	@Test
	void backsOffToAUserDefinedActorSystem() {
		this.runner.withUserConfiguration(UserSystem.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context.getBean(ActorSystem.class)).isSameAs(context.getBean(UserSystem.class).system);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSystem {

		final ActorSystem system = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());

		@Bean(destroyMethod = "close")
		ActorSystem userActorSystem() {
			return this.system;
		}

	}

}
