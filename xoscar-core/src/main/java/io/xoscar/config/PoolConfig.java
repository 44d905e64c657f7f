package io.xoscar.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A group of identical sub pools.
 *
 * @param name the group name, used in thread names and pool listings
 * @param count how many pools of this kind
 * @param mode how the pools run: threads of this JVM, or child JVMs
 * @param threads threads of each pool (its bulkhead size)
 * @param labels labels of each pool, for placement
 * @param env environment variables of each child JVM (process pools)
 * @param jvmArgs JVM options of each child JVM (process pools), e.g. {@code -Xmx2g}
 * @param cudaDevices one device per pool of the group: pool i gets {@code CUDA_VISIBLE_DEVICES}
 * set to the i-th entry (process pools); empty for none
 * @param startTimeout how long a child JVM may take to start (process pools)
 */
public record PoolConfig(String name, int count, PoolMode mode, int threads, Set<String> labels, Map<String, String> env,
		List<String> jvmArgs, List<String> cudaDevices, Duration startTimeout) {

	public PoolConfig {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(startTimeout, "startTimeout");
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
		env = Map.copyOf(env);
		jvmArgs = List.copyOf(jvmArgs);
		cudaDevices = List.copyOf(cudaDevices);
		if (!cudaDevices.isEmpty() && cudaDevices.size() != count) {
			throw new IllegalArgumentException("pool '" + name + "': cuda-devices must list one device per pool (" + count
					+ "), was " + cudaDevices);
		}
		if (mode == PoolMode.THREAD && (!env.isEmpty() || !jvmArgs.isEmpty() || !cudaDevices.isEmpty())) {
			throw new IllegalArgumentException(
					"pool '" + name + "': env, jvm-args and cuda-devices need mode process (a thread pool shares this JVM)");
		}
	}

	/**
	 * @param name the group name
	 * @return one thread pool with one thread and no labels
	 */
	public static PoolConfig thread(String name) {
		return new PoolConfig(name, 1, PoolMode.THREAD, 1, Set.of(), Map.of(), List.of(), List.of(),
				Duration.ofSeconds(30));
	}

	/**
	 * @param name the group name
	 * @return one process pool with one thread and no labels
	 */
	public static PoolConfig process(String name) {
		return new PoolConfig(name, 1, PoolMode.PROCESS, 1, Set.of(), Map.of(), List.of(), List.of(),
				Duration.ofSeconds(30));
	}

	public PoolConfig count(int count) {
		return new PoolConfig(this.name, count, this.mode, this.threads, this.labels, this.env, this.jvmArgs,
				this.cudaDevices, this.startTimeout);
	}

	public PoolConfig threads(int threads) {
		return new PoolConfig(this.name, this.count, this.mode, threads, this.labels, this.env, this.jvmArgs,
				this.cudaDevices, this.startTimeout);
	}

	public PoolConfig labels(String... labels) {
		return new PoolConfig(this.name, this.count, this.mode, this.threads, Set.copyOf(List.of(labels)), this.env,
				this.jvmArgs, this.cudaDevices, this.startTimeout);
	}

	public PoolConfig env(Map<String, String> env) {
		return new PoolConfig(this.name, this.count, this.mode, this.threads, this.labels, env, this.jvmArgs,
				this.cudaDevices, this.startTimeout);
	}

	public PoolConfig jvmArgs(String... jvmArgs) {
		return new PoolConfig(this.name, this.count, this.mode, this.threads, this.labels, this.env, List.of(jvmArgs),
				this.cudaDevices, this.startTimeout);
	}

	public PoolConfig cudaDevices(String... devices) {
		return new PoolConfig(this.name, this.count, this.mode, this.threads, this.labels, this.env, this.jvmArgs,
				List.of(devices), this.startTimeout);
	}

	public PoolConfig startTimeout(Duration timeout) {
		return new PoolConfig(this.name, this.count, this.mode, this.threads, this.labels, this.env, this.jvmArgs,
				this.cudaDevices, timeout);
	}

	/** How a sub pool runs. */
	public enum PoolMode {

		/** In this JVM, on its own executor. */
		THREAD,

		/** In a child JVM of the same class path, with its own environment and JVM options. */
		PROCESS

	}

}
