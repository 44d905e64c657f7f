package io.xoscar.spring.autoconfigure.actuate.sanitize;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Keeps the node's token out of the actuator's {@code env} and {@code configprops} endpoints, when
 * Spring Boot's actuator is on the class path: a {@link SanitizingFunction} that masks it whatever
 * their {@code show-values} says. Applies whether or not the node runs: the property is there anyway.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class XoscarSanitizingAutoConfiguration {

	@Bean
	SanitizingFunction xoscarTokenSanitizer(Environment environment) {
		return new XoscarTokenSanitizer(environment);
	}

}
