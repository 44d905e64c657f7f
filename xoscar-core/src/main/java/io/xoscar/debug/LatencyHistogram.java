package io.xoscar.debug;

import java.util.Arrays;

/**
 * How long calls took, as counts in logarithmic buckets: 8 buckets per power of two from 256 ns to
 * about 18 minutes, so that a percentile read from it is within about 6 % of the true value. A
 * snapshot: immutable, and cheap to subtract from a later one (the calls between the two).
 */
public final class LatencyHistogram {

	/** Sub-buckets per power of two, as bits. */
	private static final int SUB_BITS = 3;

	private static final int SUB = 1 << SUB_BITS;

	/** Calls shorter than 2^MIN_EXP ns share the first bucket. */
	private static final int MIN_EXP = 8;

	/** Calls of 2^MAX_EXP ns or longer share the last bucket. */
	private static final int MAX_EXP = 40;

	/** How many buckets there are. */
	public static final int BUCKETS = 2 + (MAX_EXP - MIN_EXP) * SUB;

	/** No calls. */
	public static final LatencyHistogram EMPTY = new LatencyHistogram(new long[0], 0);

	/** Counts by bucket, without the trailing empty buckets. */
	private final long[] counts;

	private final long total;

	private LatencyHistogram(long[] counts, long total) {
		this.counts = counts;
		this.total = total;
	}

	/**
	 * @param counts counts by bucket ({@link #bucketOf}), at most {@link #BUCKETS}; negative counts
	 * are taken as 0
	 * @return the histogram of those counts
	 */
	public static LatencyHistogram of(long[] counts) {
		if (counts.length > BUCKETS) {
			throw new IllegalArgumentException("a latency histogram has " + BUCKETS + " buckets, not " + counts.length);
		}
		int length = counts.length;
		while (length > 0 && counts[length - 1] <= 0) {
			length--;
		}
		long[] kept = new long[length];
		long total = 0;
		for (int i = 0; i < length; i++) {
			kept[i] = Math.max(0, counts[i]);
			total += kept[i];
		}
		return (total == 0) ? EMPTY : new LatencyHistogram(kept, total);
	}

	/**
	 * @param nanos how long a call took, in nanoseconds
	 * @return the bucket that counts it
	 */
	public static int bucketOf(long nanos) {
		if (nanos < (1L << MIN_EXP)) {
			return 0;
		}
		int exp = 63 - Long.numberOfLeadingZeros(nanos);
		if (exp >= MAX_EXP) {
			return BUCKETS - 1;
		}
		int sub = (int) (nanos >>> (exp - SUB_BITS)) & (SUB - 1);
		return 1 + (exp - MIN_EXP) * SUB + sub;
	}

	/** @return the middle of a bucket's range, in nanoseconds */
	static long valueOf(int bucket) {
		if (bucket == 0) {
			return 1L << (MIN_EXP - 1);
		}
		if (bucket >= BUCKETS - 1) {
			return 1L << MAX_EXP;
		}
		int exp = MIN_EXP + (bucket - 1) / SUB;
		int sub = (bucket - 1) % SUB;
		long width = 1L << (exp - SUB_BITS);
		return (SUB + sub) * width + width / 2;
	}

	/** @return how many calls it counts */
	public long count() {
		return this.total;
	}

	/**
	 * @param quantile from 0 to 1, such as 0.99
	 * @return the time within which that share of the calls ended, in nanoseconds (0 if none were
	 * counted)
	 */
	public long valueAtQuantile(double quantile) {
		if (quantile < 0 || quantile > 1 || Double.isNaN(quantile)) {
			throw new IllegalArgumentException("a quantile is from 0 to 1, not " + quantile);
		}
		if (this.total == 0) {
			return 0;
		}
		long rank = Math.max(1, (long) Math.ceil(quantile * this.total));
		long seen = 0;
		for (int i = 0; i < this.counts.length; i++) {
			seen += this.counts[i];
			if (seen >= rank) {
				return valueOf(i);
			}
		}
		return valueOf(this.counts.length - 1);
	}

	/** @return the counts by bucket, without trailing empty buckets */
	public long[] counts() {
		return this.counts.clone();
	}

	/** @return the calls counted by this one or the other */
	public LatencyHistogram plus(LatencyHistogram other) {
		if (other.total == 0) {
			return this;
		}
		if (this.total == 0) {
			return other;
		}
		long[] sum = Arrays.copyOf(this.counts, Math.max(this.counts.length, other.counts.length));
		for (int i = 0; i < other.counts.length; i++) {
			sum[i] += other.counts[i];
		}
		return new LatencyHistogram(sum, this.total + other.total);
	}

	/**
	 * @param earlier a snapshot of the same calls taken before this one
	 * @return the calls counted since {@code earlier} (a bucket that went down counts none)
	 */
	public LatencyHistogram minus(LatencyHistogram earlier) {
		if (earlier.total == 0) {
			return this;
		}
		long[] difference = this.counts.clone();
		for (int i = 0; i < Math.min(difference.length, earlier.counts.length); i++) {
			difference[i] -= earlier.counts[i];
		}
		return of(difference);
	}

	@Override
	public String toString() {
		return "LatencyHistogram[count=" + this.total + ", p50=" + valueAtQuantile(0.5) + "ns, p99="
				+ valueAtQuantile(0.99) + "ns]";
	}

}
