package io.xoscar.spring.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The README's chain for WebFlux ("### Dashboard": {@code ServerHttpSecurity} with
 * {@code .pathMatchers("/xoscar", "/xoscar/**").hasRole("OPS")}), written out as the README shows
 * it, and the {@link Operators}.
 */
@Configuration(proxyBeanMethods = false)
class ReadmeWebFluxSecurity {

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/xoscar", "/xoscar/**").hasRole("OPS")
				.anyExchange().authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername(Operators.OPS).password("{noop}" + Operators.OPS_PASSWORD).roles("OPS").build(),
				User.withUsername(Operators.DEV).password("{noop}" + Operators.DEV_PASSWORD).roles("DEV").build());
	}

}
