package io.xoscar.spring.autoconfigure.actuate.endpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

/**
 * The {@link XoscarEndpoint xoscar} endpoint, when Spring Boot's actuator is on the class path, the
 * node runs, and the endpoint is available (access not {@code none} and exposed, for instance with
 * {@code management.endpoints.web.exposure.include=health,xoscar}). A user-defined
 * {@link XoscarEndpoint} bean replaces it.
 */
@AutoConfiguration(after = XoscarAutoConfiguration.class)
@ConditionalOnClass({ ActorSystem.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ActorSystem.class)
public final class XoscarEndpointAutoConfiguration {

	// conditions from optional modules go on the method: the class's conditions are checked first
	@Bean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnMissingBean
	XoscarEndpoint xoscarEndpoint(ActorSystem system) {
		return new XoscarEndpoint(system);
	}

}
