package io.xoscar.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node's calls behave: part of an {@link ActorSystemConfig}.
 *
 * @param timeout how long a caller waits for a call (blocking, future, mono or batch) before
 * {@link io.xoscar.exception.CallTimeoutException}, unless the method declares or the call is given
 * another
 * @param deadlockDetection whether a call that would wait on a stateful actor that waits for it (a
 * call cycle) fails at once with {@link io.xoscar.exception.DeadlockException}
 */
public record CallConfig(Duration timeout, boolean deadlockDetection) {

	public CallConfig {
		Objects.requireNonNull(timeout, "callTimeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("callTimeout must be positive, was " + timeout);
		}
	}

}
