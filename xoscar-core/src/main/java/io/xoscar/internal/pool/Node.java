package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.TlsConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.time.ActorClock;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.ActorUids;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.ClientObservations;
import io.xoscar.internal.call.Deadlines;
import io.xoscar.internal.call.DefaultActorHandle;
import io.xoscar.internal.call.DeserializedHandles;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.call.OutgoingCalls;
import io.xoscar.internal.call.PoolAddresses;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.time.ClockTime;
import io.xoscar.internal.time.SystemTime;
import io.xoscar.internal.time.Time;
import io.xoscar.internal.transport.Authentication;
import io.xoscar.internal.transport.ProtectedMode;
import io.xoscar.internal.transport.Transport;
import io.xoscar.internal.transport.TransportSettings;
import io.xoscar.internal.call.PoolStatus;
import io.xoscar.recovery.RecoveryListener;

/**
 * The runtime behind an {@link ActorSystem}, put together from its parts: the transport (bound first:
 * pool addresses derive from its port), the node's {@link Time}, its {@link Pools}, the
 * {@link ActorDirectory}, the {@link CallRouter} that decides for every call whether it stays in
 * this JVM, {@link ActorCreation}, {@link ActorOperations} on any address, {@link PoolChanges},
 * {@link NodeDebugging} and the {@link NodeLifecycle} that closes them in reverse order. It is also
 * the {@link LocalNode} its transport and call path see: lookup, and what other nodes ask of it.
 */
public final class Node implements LocalNode {

	/**
	 * How long a listing of actors waits for each process pool: a pool that takes longer is left out
	 * (and shown as not answering), so that a listing answers in about this time whatever the load.
	 */
	static final Duration LISTING_BOUND = Duration.ofMillis(150);

	private final String address;

	/** The node's meters, or {@code null} without a meter registry. */
	private final NodeMetrics metrics;

	private final Transport transport;

	private final Pools pools;

	private final ActorDirectory directory;

	private final CallRouter router;

	private final NodeDebugging debugging;


	private final NodeLifecycle lifecycle;

	private final ActorCreation creation;

	private final ActorOperations operations;

	private final PoolChanges poolChanges;

	private final RecoveryEvents recoveryEvents;

	private final PoolRecovery recovery;

	private final ProcessPoolRoutes processRoutes;

	private final ActorRemoval removal;

	public Node(ActorSystem system, ActorSystemConfig config) {
		MeterRegistry meters = config.observability().meterRegistry();
		this.metrics = (meters != null) ? new NodeMetrics(meters) : null;
		String[] hostAndPort = hostAndPort(config.node().address());
		ProtectedMode.check(hostAndPort[0], config.node().address(), config.security());
		this.transport = Transport.start(this, hostAndPort[0], Integer.parseInt(hostAndPort[1]),
				config.node().advertisedAddress(),
				TransportSettings.of(config.transport()).withTls(config.security().tls()),
				Authentication.of(config.security(), meters), this::router);
		this.address = this.transport.address();
		this.recoveryEvents = new RecoveryEvents(this.address, config.recovery().listeners());
		ActorClock clock = config.integration().clock();
		Time time = (clock != null) ? new ClockTime(clock) : new SystemTime(this.address);
		this.pools = new Pools(this.address, config, this.transport::tls, this::processExited);
		Placer placer = new Placer(this.pools::all);
		this.directory = new ActorDirectory(placer);
		this.debugging = new NodeDebugging(config, this.address, this.pools, this.directory, this.transport,
				this.metrics, time);
		Deadlines deadlines = new Deadlines(time);
		CellServices services = new CellServices(config.calls().deadlockDetection(), this.debugging.watchdog(),
				ServerObservations.of(config.observability().observationRegistry()), deadlines, this.recoveryEvents,
				config.recovery().restartActors());
		this.router = new CallRouter(config.calls().timeout(), this, this::remoteTarget,
				ClientObservations.of(config.observability().observationRegistry()), deadlines);
		DeserializedHandles.register(this.address, this.router);
		this.lifecycle = new NodeLifecycle(this.address, this.directory, this.pools, this.transport, this.router,
				this.metrics, this.debugging.thread(), time);
		this.creation = new ActorCreation(this.address, system, config.integration().actorFactory(), this.directory,
				placer, this.pools, this.transport, this.router, this.metrics, services, this.lifecycle,
				config.recovery().restartWait());
		this.operations = new ActorOperations(this, this.address, this.pools, this.directory, this.transport,
				this.router, config.recovery().restartWait());
		this.recovery = new PoolRecovery(this.address, config.recovery(), this.directory, this.transport,
				this.recoveryEvents, this.metrics);
		this.processRoutes = new ProcessPoolRoutes(this.transport, this.router, this.directory.ends(),
				config.recovery().restartProcesses(), config.recovery().restartWait());
		this.removal = new ActorRemoval(this, this.address, this.directory, this.transport, this.recovery,
				config.recovery().restartWait());
		this.poolChanges = new PoolChanges(this.pools, this.directory, this.metrics, this.lifecycle, this.recovery,
				this.recoveryEvents);
		try {
			for (PoolConfig group : config.node().pools()) {
				this.pools.add(group);
			}
			this.poolChanges.added(this.pools.all());
			this.debugging.start();
		}
		catch (RuntimeException ex) {
			this.recovery.close();
			this.lifecycle.abortStart();
			this.recoveryEvents.close();
			throw ex;
		}
	}

	private void processExited(ProcessActorPool pool, ProcessActorPool.Incarnation dead, int exitCode) {
		this.poolChanges.exited(pool, dead, exitCode);
	}

	private static String[] hostAndPort(String address) {
		int colon = address.lastIndexOf(':');
		int port;
		try {
			port = (colon > 0) ? Integer.parseInt(address.substring(colon + 1)) : -1;
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (port < 0 || port > 65535 || address.contains("/")) {
			throw new IllegalArgumentException("address must be host:port (port 0 for any free port), was '" + address + "'");
		}
		return new String[] { address.substring(0, colon), Integer.toString(port) };
	}

	public String address() {
		return this.address;
	}

	public List<ActorPool> pools() {
		return this.pools.all();
	}

	/** @see PoolChanges#add */
	public CompletableFuture<List<ActorPool>> addPools(PoolConfig group) {
		return this.poolChanges.add(group);
	}

	/** @see PoolChanges#remove */
	public CompletableFuture<Void> removePool(int index) {
		return this.poolChanges.remove(index);
	}

	@Override
	public OutgoingCalls outgoing() {
		return ActorCallsOnThreads.INSTANCE;
	}

	@Override
	public PoolStatus status() {
		long backlog = 0;
		for (ActorCell cell : this.directory.cells()) {
			backlog += cell.backlog();
		}
		int streams = 0;
		for (ActorPool pool : this.pools.all()) {
			if (pool instanceof ThreadActorPool threads) {
				streams += threads.openStreams();
			}
		}
		return new PoolStatus(backlog, (this.metrics != null) ? this.metrics.counts() : List.of(), streams);
	}

	/** @return why the pool at this address (one of this node's pools) is gone, or {@code null} */
	public String downReason(String address) {
		return this.directory.ends().pool(address);
	}

	/**
	 * @param address a pool address of another node
	 * @return how this node reaches it now: "local" (this JVM), "unix", "tcp" or "none" (not connected)
	 */
	/**
	 * @param tls the TLS material of the TCP connections made and accepted from now on
	 * @throws IllegalStateException if the node was started without TLS
	 */
	public void replaceTls(TlsConfig tls) {
		this.transport.replaceTls(tls);
	}

	public String channelTo(String address) {
		if (this.pools.byAddress(address) instanceof ProcessActorPool process) {
			return this.transport.channelTo(PoolAddresses.nodeAddress(process.address()));
		}
		return owns(address) ? "local" : this.transport.channelTo(PoolAddresses.nodeAddress(address));
	}

	public CallRouter router() {
		return this.router;
	}

	/**
	 * An actor of another process. In one of this node's process pools: valid while the pool runs
	 * (unless recovery could not make it again); in one that is gone: a failure saying why.
	 */
	private CallTarget remoteTarget(String address, String uid, Class<?> actorClass) {
		String node = PoolAddresses.nodeAddress(address);
		if (this.pools.byAddress(node) instanceof ProcessActorPool pool) {
			// actors its child made itself are not listed here, only those recovery could not make again
			String removed = this.directory.ends().removedActor(uid);
			if (removed != null && this.directory.placed(address, uid, this.address) == null) {
				throw new ActorNotFoundException(address, uid, removed);
			}
			return this.processRoutes.target(pool, address, uid, actorClass);
		}
		String gone = this.directory.ends().pool(node);
		if (gone != null) {
			throw new PoolDownException(gone + "; actor '" + uid + "' was in it");
		}
		return this.transport.target(address, uid, actorClass);
	}

	public <T> ActorHandle<T> handle(String address, String uid, Class<T> type) {
		return new DefaultActorHandle<>(address, uid, type, this.router);
	}

	@Override
	public <T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args) {
		return this.creation.create(type, options, args);
	}

	/** @return how this node's live actors were made, oldest first */
	List<ActorRecipe> recipes() {
		return this.directory.recipes();
	}

	// lookup

	@Override
	public boolean owns(String address) {
		return PoolAddresses.nodeAddress(address).equals(this.address);
	}

	@Override
	public CallTarget lookup(String address, String uid) {
		ActorUids.check(uid);
		if (this.lifecycle.isClosed()) {
			throw new PoolDownException("actor system at " + this.address + " is shut down; actor '" + uid + "' at "
					+ address + " was in it");
		}
		ActorCell cell = this.directory.cell(uid);
		if (cell != null && (address.equals(this.address) || address.equals(cell.pool().address()))) {
			return cell.target();
		}
		ProcessPoolActors.Placed remote = this.directory.placed(address, uid, this.address);
		if (remote != null) {
			return this.processRoutes.target(remote.pool(), address, uid, remote.type());
		}
		String removed = this.directory.ends().removedActor(uid);
		if (removed != null) {
			throw new ActorNotFoundException(address, uid, removed);
		}
		String gone = address.equals(this.address) ? this.directory.ends().actor(uid)
				: this.directory.ends().pool(address);
		if (gone != null) {
			throw new PoolDownException(gone + "; actor '" + uid + "' was in it");
		}
		if (!address.equals(this.address) && this.pools.byIndex(PoolAddresses.poolIndex(address)) == null) {
			throw new PoolDownException("no pool at " + address + " (node " + this.address + " has pools "
					+ this.pools.all().stream().map(ActorPool::index).toList() + ")");
		}
		throw new ActorNotFoundException(address, uid);
	}

	@Override
	public boolean has(String address, String uid) {
		try {
			lookup(address, uid);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** @see ActorSystem#methodStats() */
	public List<ActorSystem.MethodStats> methodStats() {
		return (this.metrics != null) ? this.metrics.stats() : List.of();
	}

	@Override
	public List<ActorSystem.ActorInfo> localActors() {
		List<ActorSystem.ActorInfo> actors = new ArrayList<>();
		for (ActorCell cell : this.directory.cells()) {
			actors.add(CallProgress.snapshot(cell));
		}
		return actors;
	}

	/** @return this JVM's actors and those of the process pools that answer within {@link #LISTING_BOUND} */
	public CompletableFuture<List<ActorSystem.ActorInfo>> actors() {
		List<CompletableFuture<List<ActorSystem.ActorInfo>>> parts = new ArrayList<>();
		parts.add(CompletableFuture.completedFuture(localActors()));
		for (ActorPool pool : this.pools.all()) {
			if (pool instanceof ProcessActorPool process && process.isUp()) {
				parts.add(this.transport.actors(process.address())
					.thenApply((actors) -> actors.stream().map((actor) -> actor.inPool(process.index())).toList())
					.completeOnTimeout(List.of(), LISTING_BOUND.toMillis(), TimeUnit.MILLISECONDS)
					.exceptionally((error) -> List.of()));
			}
		}
		return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
			.thenApply((done) -> parts.stream().flatMap((part) -> part.join().stream()).toList());
	}

	// debugging

	/** @return the deadlocks detected in this node and its process pools, newest first */
	public List<DeadlockReport> deadlocks() {
		return this.debugging.deadlocks();
	}

	/** @return the alerts raised in this node and its process pools, newest first */
	public List<SlowCallAlert> slowCalls() {
		return this.debugging.slowCalls();
	}

	public Runnable addRecoveryListener(RecoveryListener listener) {
		return this.recoveryEvents.add(listener);
	}

	public Runnable addDebugListener(DebugListener listener) {
		return this.debugging.addListener(listener);
	}

	@Override
	public CompletableFuture<PoolDownException> lostConnection(String peer, PoolDownException lost) {
		return (this.pools.byAddress(peer) instanceof ProcessActorPool pool) ? this.recovery.explainLoss(pool, lost)
				: CompletableFuture.completedFuture(lost);
	}

	@Override
	public void received(DebugEvent event) {
		this.debugging.received(event);
	}

	// operations on any address

	/** @see ActorOperations#resolve */
	public <T> CompletableFuture<ActorHandle<T>> actorRefAnywhere(String address, String uid, Class<T> type) {
		return this.operations.resolve(address, uid, type);
	}

	public CompletableFuture<Void> destroyAnywhere(String address, String uid) {
		return this.operations.destroy(address, uid);
	}

	public CompletableFuture<Boolean> hasAnywhere(String address, String uid) {
		return this.operations.has(address, uid);
	}

	public CompletableFuture<Void> killAnywhere(String address, String uid) {
		return this.operations.kill(address, uid);
	}

	// removal of this node's actors

	/** @see ActorRemoval#destroy */
	@Override
	public CompletableFuture<Void> destroy(String address, String uid) {
		return this.removal.destroy(address, uid);
	}

	/** @see ActorRemoval#kill */
	@Override
	public CompletableFuture<Void> kill(String address, String uid) {
		return this.removal.kill(address, uid);
	}

	/** @see NodeLifecycle#close */
	public void close(Duration timeout) {
		this.recovery.close();
		this.lifecycle.close(timeout);
		this.recoveryEvents.close();
	}

	public boolean isClosed() {
		return this.lifecycle.isClosed();
	}

}
