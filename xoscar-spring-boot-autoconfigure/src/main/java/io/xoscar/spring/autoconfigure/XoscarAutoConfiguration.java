package io.xoscar.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;

/**
 * Auto-configuration of the node's {@link ActorSystem}.
 */
@AutoConfiguration
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@EnableConfigurationProperties(XoscarProperties.class)
public final class XoscarAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorSystemConfig xoscarActorSystemConfig(XoscarProperties properties) {
		ActorSystemConfig.Builder builder = ActorSystemConfig.builder()
			.address(properties.address())
			.callTimeout(properties.callTimeout());
		if (properties.mainPoolThreads() > 0) {
			builder.mainPoolThreads(properties.mainPoolThreads());
		}
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ActorSystem xoscarActorSystem(ActorSystemConfig config) {
		return ActorSystem.create(config);
	}

}
