package io.xoscar.spring.autoconfigure.actuate.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.spring.autoconfigure.actuate.PoolIds;

/**
 * The node's health: one {@link HealthIndicator} per pool, named by the pool ({@code main} for the
 * main pool, {@code <group>-<index>} for sub pools: {@code cpu-1}, {@code gpu-3}), UP while the
 * pool runs, {@link #RESTARTING} while recovery starts its process again (HTTP 503 and ranked
 * between DOWN and UP by default: {@link RestartingStatusDefaults}), DOWN otherwise, with how often
 * it was restarted and why its process died last ({@code restarts}, {@code lastFailure}). A pool with an active backlog alert (a call waiting in one of its
 * actors' mailboxes past {@code xoscar.debug.backlog-threshold}) lists it under
 * {@code backlogAlerts}, and is DOWN if {@code xoscar.debug.backlog-fails-health} is set. Pools are
 * read at each call, so pools added or removed at run time appear or disappear.
 */
final class XoscarHealthContributor implements CompositeHealthContributor {

	/** The status of a process pool whose process died while recovery starts it again. */
	static final Status RESTARTING = new Status("RESTARTING",
			"the pool's process died and recovery is starting it again; calls to its actors wait for it");

	private final ActorSystem system;

	private final boolean backlogFailsHealth;

	/**
	 * @param system the node
	 * @param backlogFailsHealth whether a pool with an active backlog alert is DOWN
	 */
	XoscarHealthContributor(ActorSystem system, boolean backlogFailsHealth) {
		this.system = system;
		this.backlogFailsHealth = backlogFailsHealth;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return this.system.pools()
			.stream()
			.filter((pool) -> PoolIds.id(pool).equals(name))
			.findFirst()
			.map(this::indicator)
			.orElse(null);
	}

	@Override
	public Stream<Entry> stream() {
		return this.system.pools().stream().map((pool) -> new Entry(PoolIds.id(pool), indicator(pool)));
	}

	/** An indicator that reads the pool again when asked, so that a held indicator is never stale. */
	private HealthIndicator indicator(PoolInfo pool) {
		return () -> this.system.pools()
			.stream()
			.filter((current) -> current.index() == pool.index() && current.name().equals(pool.name()))
			.findFirst()
			.map((current) -> health(current, activeBacklogAlerts(current), this.backlogFailsHealth, Instant.now()))
			.orElseGet(() -> Health.down()
				.withDetail("index", pool.index())
				.withDetail("name", pool.name())
				.withDetail("removed", true)
				.build());
	}

	private List<SlowCallAlert> activeBacklogAlerts(PoolInfo pool) {
		return this.system.slowCalls()
			.stream()
			.filter((alert) -> alert.kind() == SlowCallAlert.Kind.BACKLOG && !alert.ended()
					&& alert.pool() == pool.index())
			.toList();
	}

	/**
	 * @param pool a pool
	 * @param backlogAlerts its active backlog alerts
	 * @param backlogFailsHealth whether an active backlog alert makes it DOWN
	 * @param now the time of the check
	 * @return UP while it runs (and, if backlogs fail health, has no active backlog alert),
	 * RESTARTING while recovery starts its process again, DOWN otherwise, with its index, name, mode,
	 * address, actors, backlog (calls waiting in the mailboxes of the pool's actors; for a process
	 * pool as its child JVM told, about a second ago), threads, process id (of the process that died,
	 * while it is not up), labels, how often recovery restarted it, why its process died last (or why
	 * recovery gave it up) if it ever did, and its active backlog alerts if it has any
	 */
	static Health health(PoolInfo pool, List<SlowCallAlert> backlogAlerts, boolean backlogFailsHealth, Instant now) {
		Health.Builder builder = Health.status(status(pool, backlogAlerts, backlogFailsHealth))
			.withDetail("index", pool.index())
			.withDetail("name", pool.name())
			.withDetail("mode", pool.mode().name().toLowerCase(Locale.ROOT))
			.withDetail("address", pool.address())
			.withDetail("actors", pool.actors())
			.withDetail("backlog", pool.backlog())
			.withDetail("threads", pool.threads())
			.withDetail("pid", pool.pid())
			.withDetail("labels", List.copyOf(new TreeSet<>(pool.labels())))
			.withDetail("restarts", pool.restarts());
		if (pool.lastFailure() != null) {
			builder.withDetail("lastFailure", pool.lastFailure());
		}
		if (!backlogAlerts.isEmpty()) {
			builder.withDetail("backlogAlerts", backlogAlerts.stream().map((alert) -> describe(alert, now)).toList());
		}
		return builder.build();
	}

	private static Status status(PoolInfo pool, List<SlowCallAlert> backlogAlerts, boolean backlogFailsHealth) {
		if (pool.state() == PoolState.RESTARTING) {
			return RESTARTING;
		}
		boolean up = pool.up() && !(backlogFailsHealth && !backlogAlerts.isEmpty());
		return up ? Status.UP : Status.DOWN;
	}

	/**
	 * @return the actor's uid, the waiting call's method, how long it has waited by now (in
	 * milliseconds) and the calls in the mailbox when the alert was raised
	 */
	private static Map<String, Object> describe(SlowCallAlert alert, Instant now) {
		Duration waited = alert.elapsed().plus(Duration.between(alert.raisedAt(), now));
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("uid", alert.uid());
		described.put("method", alert.method());
		described.put("waitedMillis", Math.max(0, waited.toMillis()));
		described.put("backlog", alert.backlog());
		return described;
	}

}
