package io.xoscar.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.xoscar.recovery.RecoveryListener;
import io.xoscar.recovery.RestartLimits;

/**
 * How a node recovers from failures: part of an {@link ActorSystemConfig}.
 *
 * @param restartProcesses whether a process pool whose process died is started again at the same
 * address with its actors re-created (else it stays down and calls to its actors fail at once with
 * {@link io.xoscar.exception.PoolDownException} saying why)
 * @param processLimits how often and how soon a process pool is restarted before recovery gives it up
 * @param restartWait how long a call made while its process pool restarts waits for it (also bounded
 * by the call's timeout) before it fails with {@link io.xoscar.exception.PoolDownException}
 * @param restartActors whether actors of this JVM are restarted as their
 * {@link io.xoscar.recovery.Supervision} says (else a failing method only fails its call)
 * @param listeners hear what recovery does
 */
public record RecoveryConfig(boolean restartProcesses, RestartLimits processLimits, Duration restartWait,
		boolean restartActors, List<RecoveryListener> listeners) {

	public RecoveryConfig {
		Objects.requireNonNull(processLimits, "processLimits");
		Durations.positive("restartWait", restartWait);
		listeners = List.copyOf(listeners);
	}

}
