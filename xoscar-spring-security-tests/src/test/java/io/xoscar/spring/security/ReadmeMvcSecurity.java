package io.xoscar.spring.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The README's chain for Spring MVC ("### Dashboard"), copied as it is there, and the
 * {@link Operators}.
 */
@Configuration(proxyBeanMethods = false)
class ReadmeMvcSecurity {

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/xoscar", "/xoscar/**").hasRole("OPS")
				.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername(Operators.OPS).password("{noop}" + Operators.OPS_PASSWORD).roles("OPS").build(),
				User.withUsername(Operators.DEV).password("{noop}" + Operators.DEV_PASSWORD).roles("DEV").build());
	}

}
