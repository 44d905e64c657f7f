package io.xoscar.spring.event;

import io.xoscar.ActorSystem;
import io.xoscar.debug.DeadlockReport;

/**
 * A deadlock was detected: a call cycle between stateful actors. For a cycle found by its call
 * chain ({@link DeadlockReport.Detection#CALL_CHAIN}) the call that closed it has already failed
 * with a {@link io.xoscar.exception.DeadlockException}.
 */
public class DeadlockDetectedEvent extends XoscarDebugEvent {

	private final DeadlockReport report;

	/**
	 * @param system the node that detected it
	 * @param report what was found
	 */
	public DeadlockDetectedEvent(ActorSystem system, DeadlockReport report) {
		super(system);
		this.report = report;
	}

	/**
	 * @return what was found: the cycle, the message the caller got, the pool, the stack of the first
	 * waiting actor
	 */
	public DeadlockReport getReport() {
		return this.report;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.report.message() + "]";
	}

}
