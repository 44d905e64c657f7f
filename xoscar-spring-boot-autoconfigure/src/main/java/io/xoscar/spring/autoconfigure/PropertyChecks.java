package io.xoscar.spring.autoconfigure;

import java.time.Duration;

/**
 * Checks of {@code xoscar.*} values that fail with an {@link InvalidXoscarPropertyException} naming
 * the property.
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	static InvalidXoscarPropertyException invalid(String key, Object value, String reason, String action) {
		return new InvalidXoscarPropertyException(key, value, reason, action);
	}

	static void atLeast(String key, int value, int min, String action) {
		if (value < min) {
			throw invalid(key, value, "must be at least " + min, action);
		}
	}

	static void positive(String key, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(key, value, "must be a positive duration", "Set it to a duration such as 500ms, 30s or 2m.");
		}
	}

	static void notNegative(String key, Duration value) {
		if (value == null || value.isNegative()) {
			throw invalid(key, value, "must not be a negative duration",
					"Set it to a duration such as 0, 500ms or 2s.");
		}
	}

	static void notBlank(String key, String value) {
		if (value == null || value.isBlank()) {
			throw invalid(key, value, "must not be blank", "Set a value or remove the entry.");
		}
	}

	static void hostAndPort(String key, String address) {
		int colon = (address != null) ? address.lastIndexOf(':') : -1;
		String host = (colon > 0) ? address.substring(0, colon) : "";
		String port = (colon > 0) ? address.substring(colon + 1) : "";
		if (host.isBlank() || host.contains("/") || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
			throw invalid(key, address, "must be host:port with a port from 0 to 65535",
					"Set it to an address such as 127.0.0.1:7700, or a port of 0 to pick a free one.");
		}
	}

}
