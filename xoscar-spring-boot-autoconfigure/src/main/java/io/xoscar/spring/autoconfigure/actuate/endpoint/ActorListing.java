package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.config.PoolConfig.PoolMode;

/**
 * The actors the node listed, by pool index, and why the actors of a pool are missing from it.
 *
 * @param byPool the actors of each pool that answered
 * @param failure why nothing could be listed, or {@code null}
 */
record ActorListing(Map<Integer, List<ActorInfo>> byPool, String failure) {

	/**
	 * Lists the node's actors, within the timeout.
	 * @param system the node
	 * @param timeout the longest wait for the listing (process pools are asked in their child JVMs)
	 * @return the listing, or a failed one saying why there is none
	 */
	static ActorListing list(ActorSystem system, Duration timeout) {
		try {
			return of(system.actors().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			return failed("listing timed out after " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return failed("listing failed: " + cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed("listing interrupted");
		}
	}

	static ActorListing of(List<ActorInfo> actors) {
		return new ActorListing(actors.stream().collect(Collectors.groupingBy(ActorInfo::pool)), null);
	}

	static ActorListing failed(String reason) {
		return new ActorListing(Map.of(), reason);
	}

	/** @return why the pool's actors are not in the listing, or {@code null} if they are */
	String unlisted(PoolInfo pool) {
		if (this.failure != null) {
			return this.failure;
		}
		if (pool.state() == PoolState.RESTARTING) {
			return "pool is restarting";
		}
		if (!pool.up()) {
			return "pool is down";
		}
		if (pool.mode() == PoolMode.PROCESS && pool.actors() > 0 && !this.byPool.containsKey(pool.index())) {
			// the node leaves out process pools that do not answer in time
			return "process pool did not answer";
		}
		return null;
	}

	/** @return the pool's actors in the listing, by uid */
	List<ActorDescriptor> actors(PoolInfo pool) {
		return this.byPool.getOrDefault(pool.index(), List.of())
			.stream()
			.sorted(Comparator.comparing(ActorInfo::uid))
			.map(ActorDescriptor::of)
			.toList();
	}

}
