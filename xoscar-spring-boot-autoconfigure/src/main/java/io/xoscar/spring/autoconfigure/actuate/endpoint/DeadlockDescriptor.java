package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Instant;
import java.util.List;

import io.xoscar.debug.DeadlockReport;

/**
 * A deadlock, as the {@code xoscar} endpoint shows it.
 *
 * @param id its number, unique among those of the process that detected it
 * @param detectedAt when it was detected
 * @param detection {@code CALL_CHAIN} (the call that closed the cycle failed at once) or
 * {@code WAIT_FOR_GRAPH} (found by the periodic check; the calls stay as they are)
 * @param pool the index of the pool where the cycle closes
 * @param poolId that pool's name in the health contributor, {@code null} if it is gone
 * @param address that pool's address
 * @param message what the caller was told, or what was found
 * @param cycle the actors of the cycle, from the first waiting one to the call that would wait
 * for it
 * @param stack where the first actor of the cycle waits, empty if unknown
 */
public record DeadlockDescriptor(long id, Instant detectedAt, String detection, int pool, String poolId,
		String address, String message, List<StepDescriptor> cycle, List<String> stack) {

	static DeadlockDescriptor of(DeadlockReport report, String poolId) {
		return new DeadlockDescriptor(report.id(), report.detectedAt(), report.detection().name(), report.pool(),
				poolId, report.address(), report.message(),
				report.cycle().stream().map(StepDescriptor::of).toList(), report.stack());
	}

}
