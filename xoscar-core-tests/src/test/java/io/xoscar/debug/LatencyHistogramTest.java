package io.xoscar.debug;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Percentiles read from the histogram are within its precision (about 6 %) of the true ones, from
 * sub-microsecond calls to minutes, and snapshots subtract to the calls between them.
 */
class LatencyHistogramTest {

	@Test
	void percentilesAreWithinSixPercentOfTheTrueValues() {
		long[] values = new long[10_000];
		long[] counts = new long[LatencyHistogram.BUCKETS];
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < values.length; i++) {
			// log-uniform from 1 µs to 10 s
			values[i] = (long) Math.pow(10, 3 + random.nextDouble() * 7);
			counts[LatencyHistogram.bucketOf(values[i])]++;
		}
		java.util.Arrays.sort(values);
		LatencyHistogram histogram = LatencyHistogram.of(counts);
		assertThat(histogram.count()).isEqualTo(values.length);
		for (double quantile : new double[] { 0.01, 0.5, 0.9, 0.99, 0.999, 1.0 }) {
			long expected = values[(int) Math.ceil(quantile * values.length) - 1];
			assertThat((double) histogram.valueAtQuantile(quantile)).as("p%s", quantile * 100)
				.isCloseTo(expected, within(expected * 0.07));
		}
	}

	@Test
	void theExtremesShareTheFirstAndLastBuckets() {
		assertThat(LatencyHistogram.bucketOf(0)).isZero();
		assertThat(LatencyHistogram.bucketOf(255)).isZero();
		assertThat(LatencyHistogram.bucketOf(256)).isEqualTo(1);
		assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
		long[] counts = new long[LatencyHistogram.BUCKETS];
		counts[LatencyHistogram.BUCKETS - 1] = 1;
		assertThat(LatencyHistogram.of(counts).valueAtQuantile(0.5)).isEqualTo(1L << 40);
	}

	@Test
	void aLaterSnapshotMinusAnEarlierIsTheCallsBetween() {
		long[] early = new long[LatencyHistogram.BUCKETS];
		early[LatencyHistogram.bucketOf(1_000)] = 10;
		long[] late = early.clone();
		late[LatencyHistogram.bucketOf(5_000_000)] = 3;
		LatencyHistogram between = LatencyHistogram.of(late).minus(LatencyHistogram.of(early));
		assertThat(between.count()).isEqualTo(3);
		assertThat((double) between.valueAtQuantile(0.5)).isCloseTo(5_000_000, within(300_000.0));
		assertThat(LatencyHistogram.of(early).plus(between).count()).isEqualTo(13);
		assertThat(LatencyHistogram.EMPTY.valueAtQuantile(0.99)).isZero();
	}

	@Test
	void badInputIsRefusedClearly() {
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyHistogram.EMPTY.valueAtQuantile(1.5))
			.withMessage("a quantile is from 0 to 1, not 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyHistogram.of(new long[LatencyHistogram.BUCKETS + 1]))
			.withMessageContaining("has 258 buckets");
	}

}
