package io.xoscar.spring.autoconfigure.actuate.endpoint;

import io.xoscar.debug.DeadlockReport;

/**
 * One actor of a deadlock's cycle, as the {@code xoscar} endpoint shows it.
 *
 * @param uid the actor's uid
 * @param actorClass its class's simple name, {@code null} when it lives in another process
 * @param method the method it runs (for the last step: would run)
 * @param address its pool's address
 */
public record StepDescriptor(String uid, String actorClass, String method, String address) {

	static StepDescriptor of(DeadlockReport.Step step) {
		return new StepDescriptor(step.uid(), step.actorClass(), step.method(), step.address());
	}

}
