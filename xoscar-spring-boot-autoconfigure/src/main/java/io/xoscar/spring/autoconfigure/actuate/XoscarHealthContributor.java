package io.xoscar.spring.autoconfigure.actuate;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;

/**
 * The node's health: one {@link HealthIndicator} per pool, named by the pool ({@code main} for the
 * main pool, {@code <group>-<index>} for sub pools: {@code cpu-1}, {@code gpu-3}), UP while the
 * pool runs and DOWN otherwise. Pools are read at each call, so pools added or removed at run time
 * appear or disappear.
 */
final class XoscarHealthContributor implements CompositeHealthContributor {

	private final ActorSystem system;

	XoscarHealthContributor(ActorSystem system) {
		this.system = system;
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
			.map(XoscarHealthContributor::health)
			.orElseGet(() -> Health.down()
				.withDetail("index", pool.index())
				.withDetail("name", pool.name())
				.withDetail("removed", true)
				.build());
	}

	/**
	 * @param pool a pool
	 * @return UP while it runs, DOWN otherwise, with its index, name, mode, address, actors, backlog
	 * (calls waiting in the mailboxes of a thread pool's actors; 0 for process pools, whose mailboxes
	 * live in the child JVM), threads, process id and labels
	 */
	static Health health(PoolInfo pool) {
		Health.Builder builder = pool.up() ? Health.up() : Health.down();
		return builder.withDetail("index", pool.index())
			.withDetail("name", pool.name())
			.withDetail("mode", pool.mode().name().toLowerCase(Locale.ROOT))
			.withDetail("address", pool.address())
			.withDetail("actors", pool.actors())
			.withDetail("backlog", pool.backlog())
			.withDetail("threads", pool.threads())
			.withDetail("pid", pool.pid())
			.withDetail("labels", List.copyOf(new TreeSet<>(pool.labels())))
			.build();
	}

}
