package io.xoscar.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configuration of one node: its main pool and its sub pools.
 *
 * @param address the main pool's address ({@code host:port}; port 0 picks a free port)
 * @param mainPoolThreads threads of the main pool
 * @param pools the sub pool groups, numbered from 1 in order
 * @param callTimeout how long a blocking call waits before {@link io.xoscar.exception.CallTimeoutException}
 */
public record ActorSystemConfig(String address, int mainPoolThreads, List<PoolConfig> pools, Duration callTimeout) {

	public ActorSystemConfig {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(callTimeout, "callTimeout");
		if (mainPoolThreads < 1) {
			throw new IllegalArgumentException("mainPoolThreads must be at least 1, was " + mainPoolThreads);
		}
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
		}
		pools = List.copyOf(pools);
	}

	/**
	 * @return a builder with the defaults: {@code 127.0.0.1:0}, one main pool thread per core, no
	 * sub pools, a 60 s call timeout
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds an {@link ActorSystemConfig}. */
	public static final class Builder {

		private String address = "127.0.0.1:0";

		private int mainPoolThreads = Runtime.getRuntime().availableProcessors();

		private final List<PoolConfig> pools = new ArrayList<>();

		private Duration callTimeout = Duration.ofSeconds(60);

		private Builder() {
		}

		public Builder address(String address) {
			this.address = address;
			return this;
		}

		public Builder mainPoolThreads(int threads) {
			this.mainPoolThreads = threads;
			return this;
		}

		public Builder pool(PoolConfig pool) {
			this.pools.add(pool);
			return this;
		}

		public Builder callTimeout(Duration timeout) {
			this.callTimeout = timeout;
			return this;
		}

		public ActorSystemConfig build() {
			return new ActorSystemConfig(this.address, this.mainPoolThreads, this.pools, this.callTimeout);
		}

	}

}
