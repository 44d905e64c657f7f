package io.xoscar.spring.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.xoscar.ActorSystem.MethodStats;
import io.xoscar.debug.LatencyHistogram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history of the node's calls: per-second rates of calls and errors from the counters' deltas,
 * latency percentiles over a window of timed calls, per method and for the whole node, at most
 * five minutes of it.
 */
class DashboardHistoryTests {

	private final AtomicReference<List<MethodStats>> stats = new AtomicReference<>(List.of());

	private final DashboardHistory history = new DashboardHistory(this.stats::get, false);

	@Test
	void pointsAreTheCallsBetweenTicksPerSecond() {
		this.stats.set(List.of(stats("cpu", "echo", 100, 0, 2_000_000, 0)));
		this.history.tick(1_000);
		assertThat(this.history.latest()).as("the first tick is the baseline").isNull();
		this.stats.set(List.of(stats("cpu", "echo", 300, 10, 2_000_000, 20), stats("gpu", "score", 50, 0, 8_000_000, 5)));
		this.history.tick(3_000);
		DashboardSeries.Point point = this.history.latest();
		assertThat(point.t()).isEqualTo(3_000);
		assertThat(point.calls()).as("(200 + 10 + 50) calls in 2 s").isEqualTo(130.0);
		assertThat(point.errors()).isEqualTo(5.0);
		assertThat(point.p50()).as("ms").isBetween(1.8, 2.2);
		assertThat(point.p99()).isBetween(7.5, 8.5);

		List<DashboardSeries> echo = this.history.methods("cpu", "com.example.Echo");
		assertThat(echo).singleElement().satisfies((series) -> {
			assertThat(series.method()).isEqualTo("echo");
			assertThat(series.t()).containsExactly(3_000L);
			assertThat(series.calls()).containsExactly(105.0);
			assertThat(series.errors()).containsExactly(5.0);
		});
		assertThat(this.history.methods("gpu", "com.example.Echo")).singleElement()
			.satisfies((series) -> assertThat(series.calls()).containsExactly(25.0));
	}

	@Test
	void aWindowWithoutTimedCallsHasNoLatencyAndTheSeriesKeepsFiveMinutes() {
		this.stats.set(List.of(stats("cpu", "echo", 0, 0, 0, 0)));
		for (int second = 0; second <= DashboardHistory.POINTS + 20; second++) {
			this.history.tick(second * 1000L);
		}
		DashboardSeries node = this.history.node();
		assertThat(node.t()).hasSize(DashboardHistory.POINTS).last().isEqualTo((DashboardHistory.POINTS + 20) * 1000L);
		assertThat(node.p99()).containsOnlyNulls();
		assertThat(node.calls()).containsOnly(0.0);
	}

	private static MethodStats stats(String pool, String method, long successes, long errors, long nanos, long timed) {
		long[] counts = new long[LatencyHistogram.BUCKETS];
		counts[LatencyHistogram.bucketOf(nanos)] = timed;
		String actorClass = "com.example.Echo";
		return new MethodStats(pool, actorClass, method, successes, errors, 0, LatencyHistogram.of(counts));
	}

}
