package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import io.xoscar.ActorSystem;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.LatencyHistogram;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.MethodCalls;
import io.xoscar.internal.reflect.MethodInfo;
import io.xoscar.internal.call.PoolStatus;

/**
 * A node's meters. {@code xoscar.calls}: a timer per actor class, method, outcome (success, error)
 * and pool group, registered when the first actor of a class is created in a group and read from the
 * counts the calls keep ({@link MethodCalls}: exact counts, time estimated from sampled calls); the
 * calls of process pools as their child JVMs count them (reported with their {@link PoolStatus}); a
 * stream counts as one call, lasting until it ends, and {@code xoscar.stream.items} counts the items
 * of the methods returning streams. Per pool: {@code xoscar.pool.actors}, {@code xoscar.pool.backlog},
 * {@code xoscar.pool.up}, {@code xoscar.pool.streams} (open now). Counters of what
 * the node (and its process pools) detect: {@code xoscar.deadlocks} by detection,
 * {@code xoscar.slow.calls} by kind, actor class and method; {@code xoscar.actor.restarts} by pool
 * group, actor class and the exception that caused them. Tag values come
 * from code and configuration (class, method and pool names), never from uids, so they are bounded.
 */
final class NodeMetrics implements DebugListener {

	private final MeterRegistry registry;

	/** Counts of this JVM's calls by pool group and actor class. */
	private final Map<String, ClassCalls> calls = new ConcurrentHashMap<>();

	/** Counts of process pools' calls by pool group, actor class and method. */
	private final Map<String, ChildCalls> childCalls = new ConcurrentHashMap<>();

	private final Map<Integer, List<Meter>> poolMeters = new ConcurrentHashMap<>();

	NodeMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param group the name of the pool (group) an actor lives in
	 * @param info its class
	 * @return where the calls of that class in that group are counted, by
	 * {@link io.xoscar.internal.reflect.Invocable#meterIndex()}; the first time, their timers are
	 * registered
	 */
	MethodCalls[] calls(String group, ActorClassInfo info) {
		return this.calls.computeIfAbsent(group + "#" + info.type().getName(), (key) -> {
			List<String> names = info.methodNames();
			MethodCalls[] counts = new MethodCalls[names.size()];
			for (int i = 0; i < counts.length; i++) {
				counts[i] = new MethodCalls();
				register(group, info.type().getName(), names.get(i), counts[i], MethodCalls::count,
						MethodCalls::totalNanos, "Calls of actor methods (time estimated from 1 call in "
								+ MethodCalls.SAMPLE + ")");
				if (info.overloads(names.get(i)).stream().anyMatch(MethodInfo::returnsStream)) {
					registerItems(group, info.type().getName(), names.get(i), counts[i], MethodCalls::items);
				}
			}
			return new ClassCalls(group, info, counts);
		}).counts();
	}

	private <T> void register(String group, String actorClass, String method, T counts,
			BiFunction<T, Boolean, Long> count, BiFunction<T, Boolean, Double> totalNanos, String description) {
		for (boolean success : new boolean[] { true, false }) {
			FunctionTimer.builder("xoscar.calls", counts, (counted) -> count.apply(counted, success),
					(counted) -> totalNanos.apply(counted, success), TimeUnit.NANOSECONDS)
				.tags("actor", actorClass, "method", method, "outcome", success ? "success" : "error", "pool", group)
				.description(description)
				.register(this.registry);
		}
	}

	private <T> void registerItems(String group, String actorClass, String method, T counts, ToDoubleFunction<T> items) {
		FunctionCounter.builder("xoscar.stream.items", counts, items)
			.tags("actor", actorClass, "method", method, "pool", group)
			.description("Items sent by the streams of actor methods")
			.register(this.registry);
	}

	/** @return what this JVM's actors ran, by class and method, for a process pool's parent */
	List<PoolStatus.MethodCount> counts() {
		Map<String, PoolStatus.MethodCount> byMethod = new TreeMap<>();
		for (ClassCalls classCalls : this.calls.values()) {
			String actorClass = classCalls.info().type().getName();
			List<String> names = classCalls.info().methodNames();
			for (int i = 0; i < names.size(); i++) {
				MethodCalls counted = classCalls.counts()[i];
				PoolStatus.MethodCount count = new PoolStatus.MethodCount(actorClass, names.get(i), counted.count(true),
						counted.totalNanos(true), counted.count(false), counted.totalNanos(false), counted.items(),
						counted.latencies().counts());
				if (count.successes() + count.errors() > 0) {
					byMethod.merge(actorClass + "#" + names.get(i), count, PoolStatus.MethodCount::plus);
				}
			}
		}
		return List.copyOf(byMethod.values());
	}

	/**
	 * A process pool reported what its actors ran: published under its group, summed over the
	 * group's pools (a pool that is gone keeps what it counted).
	 * @param pool the pool
	 * @param counts its counts since its process started
	 */
	void childCounts(ProcessActorPool pool, List<PoolStatus.MethodCount> counts) {
		for (PoolStatus.MethodCount count : counts) {
			String key = pool.name() + "#" + count.actorClass() + "#" + count.method();
			ChildCalls calls = this.childCalls.computeIfAbsent(key, (ignored) -> {
				ChildCalls created = new ChildCalls(pool.name(), count.actorClass(), count.method());
				register(pool.name(), count.actorClass(), count.method(), created, ChildCalls::count,
						ChildCalls::totalNanos, "Calls of actor methods in process pools (counted in their child JVMs)");
				return created;
			});
			if (count.items() > 0 && calls.countsItems()) {
				registerItems(pool.name(), count.actorClass(), count.method(), calls, ChildCalls::items);
			}
			calls.update(pool.index(), count);
		}
	}

	/**
	 * @return the calls of every actor method that ran in this node or its process pools, by pool
	 * group, class and method, ordered by them
	 */
	List<ActorSystem.MethodStats> stats() {
		Map<String, ActorSystem.MethodStats> byMethod = new TreeMap<>();
		for (ClassCalls classCalls : this.calls.values()) {
			String actorClass = classCalls.info().type().getName();
			List<String> names = classCalls.info().methodNames();
			for (int i = 0; i < names.size(); i++) {
				MethodCalls counted = classCalls.counts()[i];
				long successes = counted.count(true);
				long errors = counted.count(false);
				if (successes + errors > 0) {
					add(byMethod, new ActorSystem.MethodStats(classCalls.group(), actorClass, names.get(i), successes,
							errors, counted.items(), counted.latencies()));
				}
			}
		}
		for (ChildCalls calls : this.childCalls.values()) {
			ActorSystem.MethodStats stats = calls.stats();
			if (stats.successes() + stats.errors() > 0) {
				add(byMethod, stats);
			}
		}
		return List.copyOf(byMethod.values());
	}

	private static void add(Map<String, ActorSystem.MethodStats> byMethod, ActorSystem.MethodStats stats) {
		byMethod.merge(stats.pool() + "#" + stats.actorClass() + "#" + stats.method(), stats,
				ActorSystem.MethodStats::plus);
	}

	/**
	 * A process pool runs again after its process died.
	 * @param took from the death to the pool being back
	 */
	void poolRestarted(ProcessActorPool pool, Duration took) {
		Tags tags = Tags.of("pool", pool.name(), "index", Integer.toString(pool.index()));
		this.registry.counter("xoscar.pool.restarts", tags.and("reason", pool.failureKind())).increment();
		Timer.builder("xoscar.pool.recovery")
			.tags(tags)
			.description("Time from a process pool's crash to its actors answering again")
			.register(this.registry)
			.record(took);
	}

	/** A process pool is gone: what it counted stays in its group's totals. */
	void childGone(ProcessActorPool pool) {
		this.childCalls.values().forEach((calls) -> calls.retire(pool.index()));
	}

		void pool(ActorPool pool) {
		Tags tags = Tags.of("pool", pool.name(), "index", Integer.toString(pool.index()), "mode",
				pool.mode().name().toLowerCase());
		this.poolMeters.put(pool.index(), List.of(
				Gauge.builder("xoscar.pool.actors", pool, ActorPool::load)
					.tags(tags)
					.description("Actors in the pool")
					.register(this.registry),
				Gauge.builder("xoscar.pool.backlog", pool, ActorPool::backlog)
					.tags(tags)
					.description("Calls waiting in the mailboxes of the pool's actors (thread pools)")
					.register(this.registry),
				Gauge.builder("xoscar.pool.up", pool, (counted) -> counted.isUp() ? 1 : 0)
					.tags(tags)
					.description("Whether the pool runs")
					.register(this.registry),
				Gauge.builder("xoscar.pool.streams", pool, ActorPool::openStreams)
					.tags(tags)
					.description("Streams the pool's actors are sending now")
					.register(this.registry)));
	}

	void removePool(ActorPool pool) {
		List<Meter> meters = this.poolMeters.remove(pool.index());
		if (meters != null) {
			meters.forEach(this.registry::remove);
		}
	}

	@Override
	public void onDeadlock(DeadlockReport report) {
		this.registry.counter("xoscar.deadlocks", "detection", report.detection().name().toLowerCase().replace('_', '-'))
			.increment();
	}

	@Override
	public void onSlowCall(SlowCallAlert alert) {
		this.registry.counter("xoscar.slow.calls", "kind", alert.kind().name().toLowerCase().replace('_', '-'), "actor",
				alert.actorClass(), "method", alert.method())
			.increment();
	}

	/**
	 * An actor of this JVM is restarted by its supervision.
	 * @param group the name of its pool (group)
	 * @param actorClass its class name
	 * @param reason the simple name of the exception that caused it
	 */
	void actorRestarted(String group, String actorClass, String reason) {
		this.registry.counter("xoscar.actor.restarts", "pool", group, "actor", actorClass, "reason", reason).increment();
	}

	void close() {
		this.poolMeters.values().forEach((meters) -> meters.forEach(this.registry::remove));
		this.poolMeters.clear();
	}

	/** The counts of the calls of one actor class in one pool group of this JVM. */
	private record ClassCalls(String group, ActorClassInfo info, MethodCalls[] counts) {
	}

	/** The counts of one method in the process pools of one group: the latest of each, and of those gone. */
	private static final class ChildCalls {

		private final String group;

		private final String actorClass;

		private final String method;

		private final Map<Integer, PoolStatus.MethodCount> latest = new ConcurrentHashMap<>();

		private LatencyHistogram retiredLatencies = LatencyHistogram.EMPTY;

		ChildCalls(String group, String actorClass, String method) {
			this.group = group;
			this.actorClass = actorClass;
			this.method = method;
		}

		private final long[] retiredCounts = new long[2];

		private final double[] retiredNanos = new double[2];

		private long retiredItems;

		/** Whether its items counter is registered. */
		private final AtomicBoolean itemsCounted = new AtomicBoolean();

		/** @return {@code true} the first time only: then the items counter is registered */
		boolean countsItems() {
			return this.itemsCounted.compareAndSet(false, true);
		}

		void update(int pool, PoolStatus.MethodCount count) {
			this.latest.put(pool, count);
		}

		synchronized void retire(int pool) {
			PoolStatus.MethodCount last = this.latest.remove(pool);
			if (last != null) {
				this.retiredCounts[0] += last.successes();
				this.retiredCounts[1] += last.errors();
				this.retiredNanos[0] += last.successNanos();
				this.retiredNanos[1] += last.errorNanos();
				this.retiredItems += last.items();
				this.retiredLatencies = this.retiredLatencies.plus(last.latencyHistogram());
			}
		}

		synchronized ActorSystem.MethodStats stats() {
			LatencyHistogram latencies = this.retiredLatencies;
			for (PoolStatus.MethodCount count : this.latest.values()) {
				latencies = latencies.plus(count.latencyHistogram());
			}
			return new ActorSystem.MethodStats(this.group, this.actorClass, this.method, count(true), count(false),
					(long) items(), latencies);
		}

		synchronized double items() {
			long total = this.retiredItems;
			for (PoolStatus.MethodCount count : this.latest.values()) {
				total += count.items();
			}
			return total;
		}

		synchronized long count(boolean success) {
			long total = this.retiredCounts[success ? 0 : 1];
			for (PoolStatus.MethodCount count : this.latest.values()) {
				total += success ? count.successes() : count.errors();
			}
			return total;
		}

		synchronized double totalNanos(boolean success) {
			double total = this.retiredNanos[success ? 0 : 1];
			for (PoolStatus.MethodCount count : this.latest.values()) {
				total += success ? count.successNanos() : count.errorNanos();
			}
			return total;
		}

	}

}
