package io.xoscar.spring.autoconfigure.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.XoscarProperties;

/**
 * Auto-configuration of RFC 9457 problem details for xoscar's exceptions in Spring MVC and WebFlux
 * applications ({@link XoscarProblemDetailsExceptionHandler}), unless
 * {@code xoscar.web.problem-details.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass({ ActorSystem.class, ProblemDetail.class })
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "xoscar.web.problem-details.enabled", matchIfMissing = true)
@EnableConfigurationProperties(XoscarProperties.class)
public final class XoscarProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XoscarProblemDetailsExceptionHandler xoscarProblemDetailsExceptionHandler(XoscarProperties properties) {
		return new XoscarProblemDetailsExceptionHandler(properties.web().problemDetails().retryAfter());
	}

}
