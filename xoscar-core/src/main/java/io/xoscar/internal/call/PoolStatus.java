package io.xoscar.internal.call;

import java.util.List;

import io.xoscar.debug.LatencyHistogram;

/**
 * What a process pool's node tells its parent when asked, about once a second: its mailbox depths
 * and the calls its actors ran, so that the parent's health, listings and meters show the pool as
 * if it were one of its own.
 *
 * @param backlog calls waiting in the mailboxes of its actors
 * @param calls the calls its actors ran since it started, by class and method (empty when the
 * parent has no meters)
 * @param openStreams the streams its actors are sending now
 */
public record PoolStatus(long backlog, List<MethodCount> calls, int openStreams) {

	public PoolStatus {
		calls = List.copyOf(calls);
	}

	/**
	 * Calls of one actor method in a pool, by outcome.
	 *
	 * @param actorClass the actor class name
	 * @param method the method name
	 * @param successes calls that returned
	 * @param successNanos their estimated total time
	 * @param errors calls that threw
	 * @param errorNanos their estimated total time
	 * @param items items its streams sent
	 * @param latencies the timed calls of both outcomes by {@link LatencyHistogram} bucket
	 */
	public record MethodCount(String actorClass, String method, long successes, double successNanos, long errors,
			double errorNanos, long items, long[] latencies) {

		public MethodCount plus(MethodCount other) {
			return new MethodCount(this.actorClass, this.method, this.successes + other.successes,
					this.successNanos + other.successNanos, this.errors + other.errors, this.errorNanos + other.errorNanos,
					this.items + other.items, latencyHistogram().plus(other.latencyHistogram()).counts());
		}

		/** @return how long its timed calls took */
		public LatencyHistogram latencyHistogram() {
			return (this.latencies == null) ? LatencyHistogram.EMPTY : LatencyHistogram.of(this.latencies);
		}

	}

}
