package io.xoscar.config;

import java.time.Duration;
import java.util.Objects;

/** Checks the durations of the configuration records. */
final class Durations {

	private Durations() {
	}

	static void positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

}
