package io.xoscar.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;

/**
 * Auto-configuration of the node's {@link ActorSystem} from the {@code xoscar.*} properties.
 * {@link XoscarActorSystemCustomizer} beans adjust the configuration; a user-defined
 * {@link ActorSystemConfig} or {@link ActorSystem} bean replaces the auto-configured one.
 */
@AutoConfiguration
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@EnableConfigurationProperties(XoscarProperties.class)
public final class XoscarAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorSystemConfig xoscarActorSystemConfig(XoscarProperties properties,
			ObjectProvider<XoscarActorSystemCustomizer> customizers) {
		ActorSystemConfig.Builder builder = ActorSystemConfigFactory.builder(properties);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ActorSystem xoscarActorSystem(ActorSystemConfig config) {
		return ActorSystem.create(config);
	}

}
