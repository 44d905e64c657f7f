package io.xoscar.spring.autoconfigure.actuate.sanitize;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;

/**
 * Masks {@code xoscar.security.token} in {@code /actuator/env} and {@code /actuator/configprops},
 * also when they show values ({@code management.endpoint.*.show-values=always}): under its own key
 * in any relaxed form ({@code XOSCAR_SECURITY_TOKEN}), and wherever else its value appears (the
 * variable a placeholder such as {@code ${XOSCAR_TOKEN}} resolves from).
 */
final class XoscarTokenSanitizer implements SanitizingFunction {

	static final String PROPERTY = "xoscar.security.token";

	private final Environment environment;

	XoscarTokenSanitizer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (isTokenKey(data.getKey()) || isTokenValue(data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	static boolean isTokenKey(String key) {
		if (key == null) {
			return false;
		}
		String relaxed = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		return relaxed.equals(PROPERTY) || relaxed.endsWith("." + PROPERTY);
	}

	private boolean isTokenValue(Object value) {
		if (value == null) {
			return false;
		}
		String token;
		try {
			token = this.environment.getProperty(PROPERTY);
		}
		catch (RuntimeException ex) {
			// an unresolvable placeholder: there is no value to look for
			return false;
		}
		return token != null && !token.isEmpty() && token.equals(value.toString());
	}

}
