package io.xoscar.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;

/**
 * With {@code xoscar.enabled=false} there is no actor system: an {@link io.xoscar.spring.ActorRef
 * @ActorRef} injection point then fails the start saying that xoscar is disabled and by which
 * property, instead of with Spring's generic "no qualifying bean".
 */
@AutoConfiguration
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnBooleanProperty(name = "xoscar.enabled", havingValue = false)
public final class XoscarDisabledAutoConfiguration {

	@Bean
	static ActorRefResolverInstaller xoscarDisabledActorRefResolver() {
		return new ActorRefResolverInstaller(false);
	}

}
