package io.xoscar.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group of identical sub pools.
 *
 * @param name the group name, used in thread names and pool listings
 * @param count how many pools of this kind
 * @param mode how the pools run
 * @param threads threads of each pool (its bulkhead size)
 * @param labels labels of each pool, for placement
 */
public record PoolConfig(String name, int count, PoolMode mode, int threads, Set<String> labels) {

	public PoolConfig {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(mode, "mode");
		if (name.isBlank()) {
			throw new IllegalArgumentException("pool name must not be blank");
		}
		if (count < 1) {
			throw new IllegalArgumentException("pool '" + name + "': count must be at least 1, was " + count);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("pool '" + name + "': threads must be at least 1, was " + threads);
		}
		labels = Set.copyOf(labels);
	}

	/**
	 * @param name the group name
	 * @return one thread pool with one thread and no labels
	 */
	public static PoolConfig thread(String name) {
		return new PoolConfig(name, 1, PoolMode.THREAD, 1, Set.of());
	}

	public PoolConfig count(int count) {
		return new PoolConfig(this.name, count, this.mode, this.threads, this.labels);
	}

	public PoolConfig threads(int threads) {
		return new PoolConfig(this.name, this.count, this.mode, threads, this.labels);
	}

	public PoolConfig labels(String... labels) {
		return new PoolConfig(this.name, this.count, this.mode, this.threads, Set.copyOf(List.of(labels)));
	}

	/** How a sub pool runs. */
	public enum PoolMode {

		/** In this JVM, on its own executor. */
		THREAD

	}

}
