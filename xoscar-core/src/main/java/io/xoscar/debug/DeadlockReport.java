package io.xoscar.debug;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A deadlock the node detected: stateful actors each waiting for the next, the last call waiting
 * for the first actor.
 *
 * @param id the report's number, unique among those of the process that detected it
 * @param detectedAt when it was detected
 * @param detection how it was detected
 * @param cycle the cycle, from the first waiting actor to the call that would wait for it
 * @param message what the caller was told ({@link io.xoscar.exception.DeadlockException}'s message)
 * or, for the wait-for graph, what was found
 * @param pool the index of the pool holding the actor where the cycle closes, in this node
 * @param address the address of that pool
 * @param stack where the first actor of the cycle waits (its thread's stack), empty if unknown
 */
public record DeadlockReport(long id, Instant detectedAt, Detection detection, List<Step> cycle, String message,
		int pool, String address, List<String> stack) {

	public DeadlockReport {
		Objects.requireNonNull(detection, "detection");
		cycle = List.copyOf(cycle);
		stack = (stack != null) ? List.copyOf(stack) : List.of();
	}

	/** @return the same report, as seen by the node whose pool {@code index} detected it */
	public DeadlockReport inPool(int index) {
		return new DeadlockReport(this.id, this.detectedAt, this.detection, this.cycle, this.message, index,
				this.address, this.stack);
	}

	/** How a deadlock was found. */
	public enum Detection {

		/**
		 * The call that closed the cycle carried it in its call chain: it failed at once with
		 * {@link io.xoscar.exception.DeadlockException}.
		 */
		CALL_CHAIN,

		/**
		 * The periodic check of waiting actors found it (a wait the call chain could not show, such as
		 * a {@code join} on a future derived from a call); the calls stay as they are.
		 */
		WAIT_FOR_GRAPH

	}

	/**
	 * One actor of a cycle and the method it runs (or, for the last step, would run).
	 *
	 * @param uid the actor's uid
	 * @param actorClass its class's simple name, {@code null} when it lives in another process
	 * @param method the method
	 * @param address its pool's address
	 */
	public record Step(String uid, @Nullable String actorClass, String method, String address) {

		@Override
		public String toString() {
			return "'" + this.uid + "'" + ((this.actorClass != null) ? " (" + this.actorClass + ")" : "") + "."
					+ this.method + " at " + this.address;
		}

	}

}
