package io.xoscar.internal.reflect;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import io.xoscar.debug.LatencyHistogram;

/**
 * Calls of one actor method (all overloads of a name, in this JVM) by outcome, for metrics. Every
 * call is counted; one in {@value #SAMPLE} is timed, since reading the clock twice costs about as
 * much as an in-JVM call. The total time is estimated from the timed ones, and the timed ones of
 * both outcomes fill a {@link LatencyHistogram}.
 */
public final class MethodCalls {

	/** One call in this many is timed. */
	public static final int SAMPLE = 16;

	private final Outcome succeeded = new Outcome();

	private final Outcome failed = new Outcome();

	/** The timed calls by {@link LatencyHistogram#bucketOf bucket}. */
	private final AtomicLongArray latencies = new AtomicLongArray(LatencyHistogram.BUCKETS);

	/** Items the method's streams sent. */
	private final LongAdder items = new LongAdder();

	/** @return whether to time the call about to start */
	public static boolean sample() {
		return (ThreadLocalRandom.current().nextInt() & (SAMPLE - 1)) == 0;
	}

	/**
	 * @param success whether the call returned normally
	 * @param nanos how long it took, or -1 if it was not timed
	 */
	public void record(boolean success, long nanos) {
		Outcome outcome = success ? this.succeeded : this.failed;
		outcome.count.increment();
		if (nanos >= 0) {
			outcome.timed.increment();
			outcome.timedNanos.add(nanos);
			this.latencies.getAndIncrement(LatencyHistogram.bucketOf(nanos));
		}
	}

	/** @return how long the timed calls took */
	public LatencyHistogram latencies() {
		long[] counts = new long[LatencyHistogram.BUCKETS];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = this.latencies.get(i);
		}
		return LatencyHistogram.of(counts);
	}

	/** A stream of the method sent an item. */
	public void item() {
		this.items.increment();
	}

	/** @return items the method's streams sent */
	public long items() {
		return this.items.sum();
	}

	public long count(boolean success) {
		return (success ? this.succeeded : this.failed).count.sum();
	}

	/** @return the estimated total time of the calls with this outcome, in nanoseconds */
	public double totalNanos(boolean success) {
		Outcome outcome = success ? this.succeeded : this.failed;
		long timed = outcome.timed.sum();
		return (timed == 0) ? 0 : (double) outcome.timedNanos.sum() / timed * outcome.count.sum();
	}

	private static final class Outcome {

		final LongAdder count = new LongAdder();

		final LongAdder timed = new LongAdder();

		final LongAdder timedNanos = new LongAdder();

	}

}
