package io.xoscar.spring.autoconfigure.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Calls over time, one point a second: of the whole node, or of one actor method in one pool. The
 * lists are aligned; a latency is {@code null} where no call of the window was timed.
 *
 * @param method the method, {@code null} for the whole node
 * @param t when each point was taken, in milliseconds since the epoch
 * @param calls calls that ended per second (both outcomes)
 * @param errors calls that threw, per second
 * @param p50 the median latency of the calls timed in the last
 * {@value DashboardHistory#LATENCY_WINDOW} seconds, in milliseconds
 * @param p95 their 95th percentile
 * @param p99 their 99th percentile
 */
public record DashboardSeries(@Nullable String method, List<Long> t, List<Double> calls, List<Double> errors,
		List<@Nullable Double> p50, List<@Nullable Double> p95, List<@Nullable Double> p99) {

	/**
	 * The latest point of a series.
	 *
	 * @param t when it was taken, in milliseconds since the epoch
	 * @param calls calls that ended per second
	 * @param errors calls that threw, per second
	 * @param p50 the median latency in milliseconds, {@code null} if no call was timed
	 * @param p95 the 95th percentile
	 * @param p99 the 99th percentile
	 */
	public record Point(long t, double calls, double errors, @Nullable Double p50, @Nullable Double p95,
			@Nullable Double p99) {
	}

}
