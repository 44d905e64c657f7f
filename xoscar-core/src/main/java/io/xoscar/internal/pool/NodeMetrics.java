package io.xoscar.internal.pool;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.MethodCalls;

/**
 * A node's meters. {@code xoscar.calls}: a timer per actor class, method and outcome (success,
 * error), registered when the first actor of a class is created and read from the counts the calls
 * keep ({@link MethodCalls}: exact counts, time estimated from sampled calls). Per pool:
 * {@code xoscar.pool.actors}, {@code xoscar.pool.backlog}, {@code xoscar.pool.up}. Counters of what
 * the node (and its process pools) detect: {@code xoscar.deadlocks} by detection,
 * {@code xoscar.slow.calls} by kind, actor class and method. Tag values come
 * from code and configuration (class, method and pool names), never from uids, so they are bounded.
 */
final class NodeMetrics implements DebugListener {

	private final MeterRegistry registry;

	private final Set<Class<?>> classes = ConcurrentHashMap.newKeySet();

	private final Map<Integer, List<Meter>> poolMeters = new ConcurrentHashMap<>();

	NodeMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void actorClass(ActorClassInfo info) {
		if (!this.classes.add(info.type())) {
			return;
		}
		info.calls().forEach((method, calls) -> {
			for (boolean success : new boolean[] { true, false }) {
				FunctionTimer.builder("xoscar.calls", calls, (counts) -> counts.count(success),
						(counts) -> counts.totalNanos(success), TimeUnit.NANOSECONDS)
					.tags("actor", info.type().getName(), "method", method, "outcome", success ? "success" : "error")
					.description("Calls of actor methods in this JVM (time estimated from 1 call in "
							+ MethodCalls.SAMPLE + ")")
					.register(this.registry);
			}
		});
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

	void close() {
		this.poolMeters.values().forEach((meters) -> meters.forEach(this.registry::remove));
		this.poolMeters.clear();
	}

}
