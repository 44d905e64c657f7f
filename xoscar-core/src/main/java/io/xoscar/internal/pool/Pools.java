package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.config.TlsConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.PoolStartException;
import io.xoscar.internal.process.ChildStartException;

/**
 * The pools of one node: the main pool (index 0) and sub pools, numbered in the order they are
 * added; indexes of removed pools are not reused. Process pools of a group start in parallel.
 */
final class Pools {

	private final String nodeAddress;

	private final String host;

	private final String advertisedHost;

	private final ActorSystemConfig config;

	private final ProcessActorPool.ExitListener onProcessExit;

	/** The TLS material of the node's connections now, which children started from now on get. */
	private final Supplier<TlsConfig> tls;

	private final List<ActorPool> pools = new CopyOnWriteArrayList<>();

	private final AtomicInteger nextIndex = new AtomicInteger();

	/**
	 * @param tls the TLS material of the node's connections now ({@code null} for plaintext)
	 * @param onProcessExit hears of a process pool whose process exited, with its exit code (not of
	 * pools removed)
	 */
	Pools(String nodeAddress, ActorSystemConfig config, Supplier<TlsConfig> tls,
			ProcessActorPool.ExitListener onProcessExit) {
		this.tls = tls;
		this.nodeAddress = nodeAddress;
		// children bind where this node binds, and advertise the host this node advertises
		this.host = config.node().address().substring(0, config.node().address().lastIndexOf(':'));
		this.advertisedHost = nodeAddress.substring(0, nodeAddress.lastIndexOf(':'));
		this.config = config;
		this.onProcessExit = onProcessExit;
		this.pools.add(new ThreadActorPool(this.nextIndex.getAndIncrement(), "main", nodeAddress, Set.of(),
				config.node().mainPoolThreads()));
	}

	List<ActorPool> all() {
		return this.pools;
	}

	ThreadActorPool main() {
		return (ThreadActorPool) this.pools.get(0);
	}

	/** @return the pool with that index, or {@code null} */
	ActorPool byIndex(int index) {
		for (ActorPool pool : this.pools) {
			if (pool.index() == index) {
				return pool;
			}
		}
		return null;
	}

	/** @return the pool with that address, or {@code null} */
	ActorPool byAddress(String address) {
		for (ActorPool pool : this.pools) {
			if (pool.address().equals(address)) {
				return pool;
			}
		}
		return null;
	}

	/**
	 * Starts a group of pools. If one process of the group fails to start, those already started are
	 * stopped and the error is thrown ({@link PoolStartException}).
	 * @param group the group
	 * @return the new pools
	 */
	synchronized List<ActorPool> add(PoolConfig group) {
		List<ActorPool> added = new ArrayList<>();
		if (group.mode() == PoolMode.THREAD) {
			for (int i = 0; i < group.count(); i++) {
				int index = this.nextIndex.getAndIncrement();
				added.add(new ThreadActorPool(index, group.name(), this.nodeAddress + "/" + index, group.labels(),
						group.threads()));
			}
		}
		else {
			List<CompletableFuture<ProcessActorPool>> starting = new ArrayList<>();
			for (int i = 0; i < group.count(); i++) {
				int index = this.nextIndex.getAndIncrement();
				int ordinal = i;
				CompletableFuture<ProcessActorPool> start = new CompletableFuture<>();
				Thread starter = new Thread(() -> {
					try {
						start.complete(ProcessActorPool.start(index, ordinal, group, this.host, this.advertisedHost, this.config,
								this.tls, this.nodeAddress, this::exited));
					}
					catch (ChildStartException ex) {
						start.completeExceptionally(new PoolStartException("process pool " + index + " (" + group.name()
								+ ") of node " + this.nodeAddress + " did not start: " + ex.getMessage(), group.name(), index,
								ex.exitCode().isPresent() ? ex.exitCode().getAsInt() : null, ex.stderrTail(), ex));
					}
					catch (Throwable ex) {
						start.completeExceptionally(ex);
					}
				}, "xoscar-start-pool-" + index);
				starter.setDaemon(true);
				starter.start();
				starting.add(start);
			}
			RuntimeException failure = null;
			for (CompletableFuture<ProcessActorPool> start : starting) {
				try {
					added.add(start.join());
				}
				catch (RuntimeException ex) {
					failure = (failure != null) ? failure : (RuntimeException) ex.getCause();
				}
			}
			if (failure != null) {
				added.forEach((pool) -> pool.shutdown(Duration.ofSeconds(5)));
				throw failure;
			}
		}
		this.pools.addAll(added);
		return added;
	}

	private void exited(ProcessActorPool pool, ProcessActorPool.Incarnation dead, int exitCode) {
		if (!pool.isRetired() && this.pools.contains(pool)) {
			this.onProcessExit.exited(pool, dead, exitCode);
		}
	}

	/**
	 * @param index a sub pool index
	 * @return the removed pool
	 */
	synchronized ActorPool remove(int index) {
		if (index == 0) {
			throw new IllegalArgumentException("the main pool cannot be removed");
		}
		ActorPool pool = byIndex(index);
		if (pool == null) {
			throw new PoolDownException("no pool " + index + " on node " + this.nodeAddress);
		}
		this.pools.remove(pool);
		return pool;
	}

}
