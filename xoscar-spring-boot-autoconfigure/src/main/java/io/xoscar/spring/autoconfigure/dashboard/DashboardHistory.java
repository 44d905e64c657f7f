package io.xoscar.spring.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

import io.xoscar.ActorSystem.MethodStats;
import io.xoscar.debug.LatencyHistogram;

/**
 * The last {@value #POINTS} seconds of the node's calls, for the dashboard's charts: once a second
 * it reads {@link io.xoscar.ActorSystem#methodStats()} (counters the calls keep anyway, no actor
 * listing) and keeps, for the node and for each actor method in each pool, calls/s, errors/s and
 * latency percentiles. Latencies come from the calls timed for metrics (1 in 16), so each point
 * takes those of the last {@value #LATENCY_WINDOW} seconds.
 */
final class DashboardHistory implements DisposableBean {

	private static final Log logger = LogFactory.getLog(DashboardHistory.class);

	/** How many points each series keeps: 5 minutes at one a second. */
	static final int POINTS = 300;

	/** Over how many seconds the latency percentiles of a point are taken. */
	static final int LATENCY_WINDOW = 10;

	/** The most methods followed; those seen later count only in the node's series. */
	static final int MOST_METHODS = 2_000;

	private final Supplier<List<MethodStats>> stats;

	private final @Nullable ScheduledExecutorService ticker;

	private final Series node = new Series(null);

	private final Map<String, Series> methods = new HashMap<>();

	/** The counts of the previous tick by method, {@code null} before the first. */
	private @Nullable Map<String, MethodStats> previous;

	private long previousAt;

	/**
	 * @param stats the node's method stats
	 * @param tick whether to take a point each second on a thread of its own (tests call
	 * {@link #tick(long)} themselves)
	 */
	DashboardHistory(Supplier<List<MethodStats>> stats, boolean tick) {
		this.stats = stats;
		if (tick) {
			this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "xoscar-dashboard-history");
				thread.setDaemon(true);
				return thread;
			});
			this.ticker.scheduleAtFixedRate(this::tickNow, 0, 1, TimeUnit.SECONDS);
		}
		else {
			this.ticker = null;
		}
	}

	private void tickNow() {
		try {
			tick(System.currentTimeMillis());
		}
		catch (RuntimeException ex) {
			// a node shutting down; the next tick tries again
			logger.debug("Dashboard history tick failed", ex);
		}
	}

	/**
	 * Takes a point: the calls since the previous one.
	 * @param now the time, in milliseconds since the epoch
	 */
	synchronized void tick(long now) {
		Map<String, MethodStats> current = new HashMap<>();
		for (MethodStats stats : this.stats.get()) {
			current.put(key(stats.pool(), stats.actorClass(), stats.method()), stats);
		}
		Map<String, MethodStats> before = this.previous;
		if (before != null && now > this.previousAt) {
			double seconds = (now - this.previousAt) / 1000.0;
			long nodeCalls = 0;
			long nodeErrors = 0;
			LatencyHistogram nodeLatencies = LatencyHistogram.EMPTY;
			for (Map.Entry<String, MethodStats> entry : current.entrySet()) {
				MethodStats now1 = entry.getValue();
				MethodStats then = before.get(entry.getKey());
				long calls = Math.max(0, total(now1) - ((then != null) ? total(then) : 0));
				long errors = Math.max(0, now1.errors() - ((then != null) ? then.errors() : 0));
				nodeCalls += calls;
				nodeErrors += errors;
				nodeLatencies = nodeLatencies.plus(now1.latencies());
				Series series = this.methods.get(entry.getKey());
				if (series == null && this.methods.size() < MOST_METHODS) {
					series = new Series(now1.method());
					this.methods.put(entry.getKey(), series);
				}
				if (series != null) {
					series.add(now, calls / seconds, errors / seconds, now1.latencies());
				}
			}
			this.node.add(now, nodeCalls / seconds, nodeErrors / seconds, nodeLatencies);
		}
		this.previous = current;
		this.previousAt = now;
	}

	private static long total(MethodStats stats) {
		return stats.successes() + stats.errors();
	}

	private static String key(String pool, String actorClass, String method) {
		return pool + '#' + actorClass + '#' + method;
	}

	/** @return the node's series */
	synchronized DashboardSeries node() {
		return this.node.series();
	}

	/** @return the node's latest point, {@code null} before the second tick */
	synchronized DashboardSeries.@Nullable Point latest() {
		return this.node.latest();
	}

	/**
	 * @param pool a pool (group) name
	 * @param actorClass an actor class name
	 * @return the series of the class's methods in that pool, by method name
	 */
	synchronized List<DashboardSeries> methods(String pool, String actorClass) {
		String prefix = key(pool, actorClass, "");
		List<DashboardSeries> found = new ArrayList<>();
		this.methods.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix))
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> found.add(entry.getValue().series()));
		return found;
	}

	@Override
	public void destroy() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
	}

	/** One series: rings of the last {@value #POINTS} points, and of the cumulative latencies for the window. */
	private static final class Series {

		private final @Nullable String method;

		private final long[] t = new long[POINTS];

		private final double[] calls = new double[POINTS];

		private final double[] errors = new double[POINTS];

		private final double[][] percentiles = new double[3][POINTS];

		private final LatencyHistogram[] cumulative = new LatencyHistogram[LATENCY_WINDOW + 1];

		/** Points taken so far (the ring holds the last {@value #POINTS}). */
		private long taken;

		Series(@Nullable String method) {
			this.method = method;
		}

		void add(long now, double callsPerSecond, double errorsPerSecond, LatencyHistogram latencies) {
			int at = (int) (this.taken % POINTS);
			this.t[at] = now;
			this.calls[at] = round(callsPerSecond);
			this.errors[at] = round(errorsPerSecond);
			LatencyHistogram oldest = this.cumulative[(int) ((this.taken + 1) % this.cumulative.length)];
			this.cumulative[(int) (this.taken % this.cumulative.length)] = latencies;
			LatencyHistogram window = (oldest != null) ? latencies.minus(oldest) : latencies;
			double[] quantiles = { 0.5, 0.95, 0.99 };
			for (int i = 0; i < quantiles.length; i++) {
				this.percentiles[i][at] = (window.count() == 0) ? Double.NaN
						: round(window.valueAtQuantile(quantiles[i]) / 1e6);
			}
			this.taken++;
		}

		DashboardSeries series() {
			int size = (int) Math.min(this.taken, POINTS);
			List<Long> times = new ArrayList<>(size);
			List<Double> callRates = new ArrayList<>(size);
			List<Double> errorRates = new ArrayList<>(size);
			List<List<Double>> latencies = List.of(new ArrayList<>(size), new ArrayList<>(size), new ArrayList<>(size));
			for (long n = this.taken - size; n < this.taken; n++) {
				int at = (int) (n % POINTS);
				times.add(this.t[at]);
				callRates.add(this.calls[at]);
				errorRates.add(this.errors[at]);
				for (int i = 0; i < 3; i++) {
					latencies.get(i).add(orNull(this.percentiles[i][at]));
				}
			}
			return new DashboardSeries(this.method, times, callRates, errorRates, latencies.get(0), latencies.get(1),
					latencies.get(2));
		}

		DashboardSeries.@Nullable Point latest() {
			if (this.taken == 0) {
				return null;
			}
			int at = (int) ((this.taken - 1) % POINTS);
			return new DashboardSeries.Point(this.t[at], this.calls[at], this.errors[at],
					orNull(this.percentiles[0][at]), orNull(this.percentiles[1][at]), orNull(this.percentiles[2][at]));
		}

		private static @Nullable Double orNull(double value) {
			return Double.isNaN(value) ? null : value;
		}

		private static double round(double value) {
			return Math.round(value * 1000) / 1000.0;
		}

	}

}
