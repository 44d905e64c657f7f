package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.AbstractActor;
import io.xoscar.ActorFactory;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.ActorUids;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.ClientObservations;
import io.xoscar.internal.call.DefaultActorHandle;
import io.xoscar.internal.call.LocalActor;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.call.Deadlines;
import io.xoscar.internal.call.DeserializedHandles;
import io.xoscar.internal.call.PoolAddresses;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.debug.DebugRecorder;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.time.ClockTime;
import io.xoscar.internal.time.SystemTime;
import io.xoscar.internal.time.Time;
import io.xoscar.internal.transport.Transport;
import io.xoscar.internal.transport.TransportSettings;

/**
 * The runtime behind an {@link ActorSystem}: its pools, the directory of its actors (uids are
 * unique per node, so the main address finds actors of every pool), and their lifecycle.
 */
public final class Node implements LocalNode {

	private static final Logger logger = LoggerFactory.getLogger(Node.class);

	private final ActorSystem system;

	private final ActorFactory actorFactory;

	private final boolean detectsDeadlocks;

	/** The node's meters, or {@code null} without a meter registry. */
	private final NodeMetrics metrics;

	/** Observes the calls its actors run, or {@code null} without an observation registry. */
	private final ServerObservations observations;

	private final String address;

	private final Pools pools;

	private final ConcurrentMap<String, ActorCell> directory = new ConcurrentHashMap<>();

	private final ProcessPoolActors processPoolActors = new ProcessPoolActors(this::released);

	private final PoolEnds ends = new PoolEnds();

	/** Uids of live actors and of actors being created. */
	private final ConcurrentMap<String, Boolean> uids = new ConcurrentHashMap<>();

	private final Placer placer;

	private final CallRouter router;

	private final Transport transport;

	/** Runs the watchdog and calls debug listeners. */
	private final ScheduledExecutorService debugThread;

	private final DebugRecorder recorder;

	private final Watchdog watchdog;

	/** The node's time: deadlines, alerts, delayed calls. */
	private final Time time;

	/** What the node's actor cells share. */
	private final CellServices cellServices;

	private volatile boolean closed;

	/** Set by the first {@link #close}: the node refuses new actors and calls from outside its actors. */
	private final AtomicBoolean closing = new AtomicBoolean();

	private static final long DRAIN_CHECK_NANOS = 5_000_000;

	/** How much longer than the deadline a process pool may take to be killed and gone. */
	private static final long PROCESS_STOP_SLACK_MILLIS = 1000;

	/** How often process pools are asked for their {@link PoolStatus}, and how long an answer may take. */
	static final Duration POOL_STATUS_PERIOD = Duration.ofSeconds(1);

	/**
	 * How long a listing of actors waits for each process pool: a pool that takes longer is left out
	 * (and shown as not answering), so that a listing answers in about this time whatever the load.
	 */
	static final Duration LISTING_BOUND = Duration.ofMillis(150);

	public Node(ActorSystem system, ActorSystemConfig config) {
		this.system = system;
		this.actorFactory = config.integration().actorFactory();
		this.detectsDeadlocks = config.calls().deadlockDetection();
		this.metrics = (config.observability().meterRegistry() != null) ? new NodeMetrics(config.observability().meterRegistry()) : null;
		this.observations = ServerObservations.of(config.observability().observationRegistry());
		String[] hostAndPort = hostAndPort(config.node().address());
		this.transport = Transport.start(this, hostAndPort[0], Integer.parseInt(hostAndPort[1]),
				config.node().advertisedAddress(), new TransportSettings(
				config.transport().maxFrameSize(), config.transport().incompleteFrameMemory(), config.transport().frameReadTimeout(), config.transport().connectTimeout(),
				config.transport().exceptionPackages(), config.transport().unixSockets(), config.transport().sharedMemory(),
				config.transport().jacksonModules()),
				this::router);
		this.address = this.transport.address();
		this.debugThread = debugThread(this.address);
		String parent = config.debug().reportTo();
		this.recorder = new DebugRecorder(config.debug().history(), this.debugThread,
				(parent != null) ? (event) -> this.transport.report(parent, event) : null);
		config.debug().listeners().forEach(this.recorder::addListener);
		if (this.metrics != null) {
			this.recorder.addListener(this.metrics);
		}
		this.time = (config.integration().clock() != null) ? new ClockTime(config.integration().clock()) : new SystemTime(this.address);
		Deadlines deadlines = new Deadlines(this.time);
		this.watchdog = new Watchdog(this.recorder, this.debugThread, this.directory::values,
				config.debug().slowCallThreshold(), config.debug().backlogThreshold(), config.calls().timeout(), new Links(parent), this.time);
		this.cellServices = new CellServices(this.detectsDeadlocks, this.watchdog, this.observations, deadlines);
		this.router = new CallRouter(config.calls().timeout(), this, this::remoteTarget,
				ClientObservations.of(config.observability().observationRegistry()), deadlines);
		DeserializedHandles.register(this.address, this.router);
		this.pools = new Pools(this.address, config, this::processExited);
		this.placer = new Placer(this.pools::all);
		try {
			for (PoolConfig group : config.node().pools()) {
				this.pools.add(group);
			}
			if (this.metrics != null) {
				this.pools.all().forEach(this.metrics::pool);
			}
			this.debugThread.scheduleWithFixedDelay(this::askPoolStatus, 0, POOL_STATUS_PERIOD.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			this.pools.all().forEach((pool) -> pool.shutdown(Duration.ZERO));
			this.transport.close();
			this.debugThread.shutdownNow();
			this.time.close();
			DeserializedHandles.unregister(this.address, this.router);
			throw ex;
		}
	}

	private static ScheduledExecutorService debugThread(String address) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "xoscar-debug-" + address);
			thread.setDaemon(true);
			return thread;
		});
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		return executor;
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

	/**
	 * Adds a group of sub pools at run time; process pools start in the background.
	 * @param group the group
	 * @return the new pools, once they run; fails with {@link io.xoscar.exception.PoolStartException}
	 * if a process pool does not start (those of the group already started are stopped)
	 */
	public CompletableFuture<List<ActorPool>> addPools(PoolConfig group) {
		try {
			checkOpen();
			if (group.mode() == PoolConfig.PoolMode.THREAD) {
				return CompletableFuture.completedFuture(added(this.pools.add(group)));
			}
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<List<ActorPool>> added = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			try {
				added.complete(added(this.pools.add(group)));
			}
			catch (Throwable ex) {
				added.completeExceptionally(ex);
			}
		}, "xoscar-add-pools-" + group.name());
		starter.setDaemon(true);
		starter.start();
		return added;
	}

	private List<ActorPool> added(List<ActorPool> added) {
		if (this.metrics != null) {
			added.forEach(this.metrics::pool);
		}
		return added;
	}

	/**
	 * Removes a sub pool: its actors are gone at once (a process pool's process is stopped in the
	 * background), and calls to them fail with {@link PoolDownException} saying so.
	 * @param index the pool index
	 * @return completes when the pool has stopped
	 */
	public CompletableFuture<Void> removePool(int index) {
		ActorPool pool;
		try {
			pool = this.pools.remove(index);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (this.metrics != null) {
			this.metrics.removePool(pool);
		}
		List<String> uids;
		if (pool instanceof ThreadActorPool threads) {
			List<ActorCell> cells = List.copyOf(threads.actors());
			uids = cells.stream().map(ActorCell::uid).toList();
			this.ends.removed(pool, uids);
			PoolDownException removed = new PoolDownException(this.ends.pool(pool.address()));
			for (ActorCell cell : cells) {
				remove(cell, removed);
			}
		}
		else {
			((ProcessActorPool) pool).retire();
			uids = this.processPoolActors.forgetAll(pool);
			this.ends.removed(pool, uids);
			if (this.metrics != null) {
				this.metrics.childGone((ProcessActorPool) pool);
			}
		}
		CompletableFuture<Void> stopped = new CompletableFuture<>();
		Thread stopper = new Thread(() -> {
			try {
				pool.shutdown(Duration.ofSeconds(5));
				stopped.complete(null);
			}
			catch (Throwable ex) {
				stopped.completeExceptionally(ex);
			}
		}, "xoscar-remove-pool-" + index);
		stopper.setDaemon(true);
		stopper.start();
		return stopped;
	}

	/** Frees the uid and placement slot of an actor of a process pool that is gone. */
	private void released(ProcessPoolActors.Placed actor) {
		this.uids.remove(actor.uid());
		this.placer.release(actor.slot());
	}

	private void processExited(ProcessActorPool pool, int exitCode) {
		if (pool != null && !this.closed) {
			List<String> uids = this.processPoolActors.forgetAll(pool);
			this.ends.exited(pool, exitCode, uids);
			if (this.metrics != null) {
				this.metrics.childGone(pool);
			}
			logger.warn("{}; its {} actor(s) are gone and calls to them fail", this.ends.pool(pool.address()),
					uids.size());
		}
	}

	/**
	 * Asks each running process pool what its mailboxes hold and what its actors ran (for health,
	 * listings and meters), on the debug thread; the first time, also for a listing of its actors,
	 * so that the first listing a user asks for finds that path warm.
	 */
	private void askPoolStatus() {
		for (ActorPool pool : this.pools.all()) {
			if (pool instanceof ProcessActorPool process && process.isUp()) {
				if (process.status() == null) {
					this.transport.actors(process.address());
				}
				this.transport.status(process.address())
					.orTimeout(POOL_STATUS_PERIOD.toMillis(), TimeUnit.MILLISECONDS)
					.whenComplete((status, error) -> {
						if (status != null && process.isUp()) {
							process.status(status);
							if (this.metrics != null) {
								this.metrics.childCounts(process, status.calls());
							}
						}
					});
			}
		}
	}

	@Override
	public PoolStatus status() {
		long backlog = 0;
		for (ActorCell cell : this.directory.values()) {
			backlog += cell.backlog();
		}
		return new PoolStatus(backlog, (this.metrics != null) ? this.metrics.counts() : List.of());
	}

	/** @return why the pool at this address (one of this node's pools) is gone, or {@code null} */
	public String downReason(String address) {
		return this.ends.pool(address);
	}

	/**
	 * @param address a pool address of another node
	 * @return how this node reaches it now: "local" (this JVM), "unix", "tcp" or "none" (not connected)
	 */
	public String channelTo(String address) {
		if (owner(address) == this && this.pools.byAddress(address) instanceof ProcessActorPool process) {
			return this.transport.channelTo(PoolAddresses.nodeAddress(process.address()));
		}
		return owns(address) ? "local" : this.transport.channelTo(PoolAddresses.nodeAddress(address));
	}

	public CallRouter router() {
		return this.router;
	}

	/**
	 * An actor of another process. In one of this node's process pools: valid while the pool runs;
	 * in one that is gone: a failure saying why.
	 */
	private CallTarget remoteTarget(String address, String uid, Class<?> actorClass) {
		String node = PoolAddresses.nodeAddress(address);
		String gone = this.ends.pool(node);
		if (gone != null) {
			throw new PoolDownException(gone + "; actor '" + uid + "' was in it");
		}
		CallTarget target = this.transport.target(address, uid, actorClass);
		return (this.pools.byAddress(node) instanceof ProcessActorPool pool) ? new ProcessPoolTarget(target, pool)
				: target;
	}

	public <T> ActorHandle<T> handle(String address, String uid, Class<T> type) {
		return new DefaultActorHandle<>(address, uid, type, this.router);
	}

	// creation

	@Override
	public <T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args) {
		if (options.placement() instanceof Placement.Address target
				&& !owns(target.address()) && this.pools.byAddress(target.address()) == null) {
			String uid = (options.uid() != null) ? options.uid() : newUid();
			return this.transport.create(target.address(), type, uid, args)
				.thenApply((poolAddress) -> handle(poolAddress, uid, type));
		}
		String uid;
		ActorClassInfo info;
		Placer.Slot slot;
		try {
			checkOpen();
			uid = (options.uid() != null) ? ActorUids.check(options.uid()) : newUid();
			info = ActorClassInfo.of(type);
			slot = this.placer.place(options.placement());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (this.uids.putIfAbsent(uid, Boolean.TRUE) != null) {
			this.placer.release(slot);
			return CompletableFuture.failedFuture(new ActorAlreadyExistsException(this.address, uid));
		}
		this.ends.reused(uid);
		if (slot.pool() instanceof ProcessActorPool process) {
			return createInProcess(process, type, uid, slot, args);
		}
		ThreadActorPool pool = (ThreadActorPool) slot.pool();
		CompletableFuture<ActorHandle<T>> created = new CompletableFuture<>();
		pool.execute(() -> {
			try {
				instantiate(pool, type, uid, info, slot, args);
				created.complete(handle(pool.address(), uid, type));
			}
			catch (Throwable ex) {
				created.completeExceptionally(ex);
			}
		});
		return created;
	}

	private <T> CompletableFuture<ActorHandle<T>> createInProcess(ProcessActorPool pool, Class<T> type, String uid,
			Placer.Slot slot, Object[] args) {
		return this.transport.create(pool.address(), type, uid, args).handle((poolAddress, error) -> {
			if (error != null) {
				this.uids.remove(uid);
				this.placer.release(slot);
				throw (error instanceof CompletionException) ? (CompletionException) error : new CompletionException(error);
			}
			this.processPoolActors.add(new ProcessPoolActors.Placed(uid, pool, type, slot));
			return handle(poolAddress, uid, type);
		});
	}



	private static String newUid() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** Constructs the actor and runs its postCreate, on a thread of its pool. */
	private void instantiate(ThreadActorPool pool, Class<?> type, String uid, ActorClassInfo info, Placer.Slot slot,
			Object[] args) throws Throwable {
		ActorContext context = new ActorContext(uid, pool.address(), handle(pool.address(), uid, type), this.system);
		ActorCell cell = ActorCell.create(pool, uid, info, context, slot,
				(this.metrics != null) ? this.metrics.calls(pool.name(), info) : null, this.cellServices);
		try {
			context.beginConstruction();
			try {
				cell.attach(this.actorFactory.create(type.asSubclass(AbstractActor.class), args));
			}
			finally {
				ActorContext.endConstruction();
			}
			this.directory.put(uid, cell);
			pool.add(cell);
			cell.postCreate();
		}
		catch (Throwable ex) {
			remove(cell, new ActorNotFoundException(pool.address(), uid));
			throw ex;
		}
	}

	// lookup

	@Override
	public boolean owns(String address) {
		return PoolAddresses.nodeAddress(address).equals(this.address);
	}

	@Override
	public CallTarget lookup(String address, String uid) {
		ActorUids.check(uid);
		if (this.closed) {
			throw new PoolDownException("actor system at " + this.address + " is shut down; actor '" + uid + "' at "
					+ address + " was in it");
		}
		ActorCell cell = this.directory.get(uid);
		if (cell != null && (address.equals(this.address) || address.equals(cell.pool().address()))) {
			return cell;
		}
		ProcessPoolActors.Placed remote = this.processPoolActors.find(address, uid, this.address);
		if (remote != null) {
			if (!remote.pool().isUp()) {
				String why = this.ends.pool(remote.pool().address());
				throw new PoolDownException(
						((why != null) ? why : PoolEnds.describe(remote.pool()) + " is down: its process is exiting")
								+ "; actor '" + uid + "' was in it");
			}
			return new ProcessPoolTarget(this.transport.target(remote.pool().address(), uid, remote.type()),
					remote.pool());
		}
		String gone = address.equals(this.address) ? this.ends.actor(uid) : this.ends.pool(address);
		if (gone != null) {
			throw new PoolDownException(gone + "; actor '" + uid + "' was in it");
		}
		if (!address.equals(this.address) && this.pools.byIndex(PoolAddresses.poolIndex(address)) == null) {
			throw new PoolDownException("no pool at " + address + " (node " + this.address + " has pools "
					+ this.pools.all().stream().map(ActorPool::index).toList() + ")");
		}
		throw new ActorNotFoundException(address, uid);
	}

	private ActorCell localCell(String address, String uid) {
		if (lookup(address, uid) instanceof ActorCell cell) {
			return cell;
		}
		return null;
	}

	@Override
	public List<ActorSystem.ActorInfo> localActors() {
		List<ActorSystem.ActorInfo> actors = new ArrayList<>();
		for (ActorCell cell : this.directory.values()) {
			actors.add(cell.snapshot());
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
		return this.recorder.deadlocks();
	}

	/** @return the alerts raised in this node and its process pools, newest first */
	public List<SlowCallAlert> slowCalls() {
		return this.recorder.slowCalls();
	}

	public Runnable addDebugListener(DebugListener listener) {
		return this.recorder.addListener(listener);
	}

	@Override
	public void received(DebugEvent event) {
		if (event.drop() != null) {
			this.watchdog.acrossProcesses().drop(event.drop());
			return;
		}
		if (event.waits() != null) {
			if (this.pools.byAddress(event.waits().node()) instanceof ProcessActorPool) {
				this.watchdog.acrossProcesses().received(event.waits());
			}
			return;
		}
		ActorPool pool = this.pools.byAddress(event.address());
		if (pool != null) {
			this.recorder.received(event.inPool(pool.index()));
		}
	}

	/** How this node's deadlock detection reaches its parent or its process pools. */
	private final class Links implements ProcessLinks {

		private final String parent;

		Links(String parent) {
			this.parent = parent;
		}

		@Override
		public String address() {
			return Node.this.address;
		}

		@Override
		public String parent() {
			return this.parent;
		}

		@Override
		public void send(String node, DebugEvent event) {
			Node.this.transport.report(node, event);
		}

		@Override
		public boolean inFamily(String node) {
			return node.equals(Node.this.address) || Node.this.pools.byAddress(node) instanceof ProcessActorPool;
		}

		@Override
		public int poolIndex(String address) {
			ActorPool pool = Node.this.pools.byAddress(address);
			return (pool != null) ? pool.index() : 0;
		}

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

	// operations on any address: this JVM's nodes directly, others through the transport

	/**
	 * @return a handle carrying the actor's own pool address
	 */
	public <T> CompletableFuture<ActorHandle<T>> actorRefAnywhere(String address, String uid, Class<T> type) {
		ProcessPoolActors.Placed placed = this.processPoolActors.find(address, uid, this.address);
		if (placed != null) {
			return CompletableFuture.completedFuture(handle(placed.pool().address(), uid, typeOr(type, placed.type())));
		}
		if (owns(address)) {
			try {
				if (lookup(address, uid) instanceof LocalActor actor) {
					return CompletableFuture
						.completedFuture(handle(actor.poolAddress(), uid, typeOr(type, actor.actorClass())));
				}
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		return this.transport.resolve(address, uid)
			.thenApply((found) -> handle(found.get(0), uid, typeOr(type, loadActorClass(found.get(1)))));
	}

	@SuppressWarnings("unchecked")
	private static <T> Class<T> typeOr(Class<T> wanted, Class<?> actual) {
		return (wanted != null) ? wanted : (Class<T>) actual;
	}

	private static Class<?> loadActorClass(String name) {
		try {
			Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
			return AbstractActor.class.isAssignableFrom(type) ? type : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/** The node that owns an address: this JVM's nodes (and this node's process pools) directly. */
	private LocalNode owner(String address) {
		return (this.pools.byAddress(address) != null || owns(address)) ? this : null;
	}

	public CompletableFuture<Void> destroyAnywhere(String address, String uid) {
		LocalNode local = owner(address);
		return (local != null) ? local.destroy(address, uid) : this.transport.destroy(address, uid);
	}

	public CompletableFuture<Boolean> hasAnywhere(String address, String uid) {
		LocalNode local = owner(address);
		ProcessPoolActors.Placed remote = (local == this) ? this.processPoolActors.find(address, uid, this.address) : null;
		if (remote != null) {
			return this.transport.has(remote.pool().address(), uid);
		}
		return (local != null) ? CompletableFuture.completedFuture(local.has(address, uid))
				: this.transport.has(address, uid);
	}

	public CompletableFuture<Void> killAnywhere(String address, String uid) {
		LocalNode local = owner(address);
		return (local != null) ? local.kill(address, uid) : this.transport.kill(address, uid);
	}

	// removal

	@Override
	public CompletableFuture<Void> destroy(String address, String uid) {
		ActorCell cell;
		try {
			cell = localCell(address, uid);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (cell == null) {
			ProcessPoolActors.Placed remote = this.processPoolActors.find(address, uid, this.address);
			return this.transport.destroy(remote.pool().address(), uid)
				.thenRun(() -> this.processPoolActors.forget(remote));
		}
		if (!cell.beginDestroy()) {
			return CompletableFuture.failedFuture(new ActorNotFoundException(address, uid));
		}
		CompletableFuture<Void> destroyed = new CompletableFuture<>();
		cell.pool().execute(() -> {
			try {
				cell.preDestroy();
			}
			catch (Throwable ex) {
				cell.abortDestroy();
				destroyed.completeExceptionally(ex);
				return;
			}
			remove(cell, new ActorNotFoundException(cell.pool().address(), uid));
			destroyed.complete(null);
		});
		return destroyed;
	}

	@Override
	public CompletableFuture<Void> kill(String address, String uid) {
		try {
			ActorCell cell = localCell(address, uid);
			if (cell == null) {
				// killing an actor of a process pool kills the pool's process
				ProcessActorPool pool = this.processPoolActors.find(address, uid, this.address).pool();
				pool.kill();
				this.processPoolActors.forgetAll(pool);
				return CompletableFuture.completedFuture(null);
			}
			if (cell.pool().index() == 0) {
				throw new IllegalArgumentException("cannot kill actor '" + uid + "': it lives in the main pool "
						+ this.address + "; use destroyActor");
			}
			remove(cell, new ActorNotFoundException(cell.pool().address(), uid));
			return CompletableFuture.completedFuture(null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void remove(ActorCell cell, RuntimeException reason) {
		if (cell.stop(reason)) {
			this.directory.remove(cell.uid(), cell);
			cell.pool().remove(cell);
			this.uids.remove(cell.uid());
			this.placer.release(cell.slot);
		}
		else if (!this.directory.containsKey(cell.uid())) {
			// creation failed before the actor was listed
			this.uids.remove(cell.uid());
			this.placer.release(cell.slot);
		}
	}

	// shutdown

	private void checkOpen() {
		if (this.closing.get()) {
			throw new PoolDownException(
					"actor system at " + this.address + (this.closed ? " is shut down" : " is shutting down"));
		}
	}

	/**
	 * Shuts the node down by one deadline: from now on calls from outside the node's actors are
	 * refused; calls in flight and queued in this JVM may finish until the deadline, then every
	 * actor's preDestroy runs (within what is left); calls still running then fail with
	 * {@link PoolDownException} (and are interrupted), queued ones too, and the pools stop (process
	 * pools in parallel).
	 * @param timeout the whole shutdown's bound
	 */
	public void close(Duration timeout) {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
		String shuttingDown = "actor system at " + this.address + " is shutting down";
		for (ActorCell cell : this.directory.values()) {
			cell.refuseNewCalls(shuttingDown);
		}
		drain(deadline, timeout);
		this.closed = true;
		DeserializedHandles.unregister(this.address, this.router);
		runPreDestroyHooks(deadline, timeout);
		for (ActorCell cell : List.copyOf(this.directory.values())) {
			cell.abortInFlight(shuttingDown + " and its shutdown timeout (" + timeout + ") has passed");
			remove(cell, new PoolDownException(shuttingDown + ": the call was still queued when its shutdown timeout ("
					+ timeout + ") passed"));
		}
		stopPools(deadline);
		if (this.metrics != null) {
			this.metrics.close();
		}
		this.transport.close();
		this.debugThread.shutdownNow();
		this.time.close();
	}

	private void runPreDestroyHooks(long deadline, Duration timeout) {
		List<CompletableFuture<Void>> hooks = new ArrayList<>();
		for (ActorCell cell : this.directory.values()) {
			CompletableFuture<Void> hook = new CompletableFuture<>();
			cell.pool().execute(() -> {
				try {
					cell.preDestroy();
				}
				catch (Throwable ex) {
					logger.warn("preDestroy of {} failed during shutdown", cell.describe("preDestroy"), ex);
				}
				hook.complete(null);
			});
			hooks.add(hook);
		}
		try {
			CompletableFuture.allOf(hooks.toArray(CompletableFuture[]::new))
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.warn("Actor system at {}: preDestroy hooks did not all finish within the shutdown timeout ({})",
					this.address, timeout);
		}
	}

	/** Stops the pools by the deadline: thread pools get what is left, process pools stop side by side. */
	private void stopPools(long deadline) {
		List<Thread> stopping = new ArrayList<>();
		for (ActorPool pool : this.pools.all()) {
			Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			if (pool instanceof ProcessActorPool) {
				Thread stopper = new Thread(() -> pool.shutdown(left), "xoscar-stop-pool-" + pool.index());
				stopper.setDaemon(true);
				stopper.start();
				stopping.add(stopper);
			}
			else {
				pool.shutdown(left);
			}
		}
		for (Thread stopper : stopping) {
			try {
				stopper.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + PROCESS_STOP_SLACK_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Waits until no actor of this JVM has a call running or queued, or the deadline. Skipped when an
	 * actor's own thread shuts the node down: it would wait for itself.
	 */
	private void drain(long deadline, Duration timeout) {
		if (Thread.currentThread() instanceof ThreadActorPool.Worker) {
			return;
		}
		while (this.directory.values().stream().anyMatch(ActorCell::isBusy)) {
			if (System.nanoTime() - deadline >= 0) {
				logger.warn("Actor system at {}: calls still running after {}; shutting down anyway", this.address, timeout);
				return;
			}
			LockSupport.parkNanos(Math.min(DRAIN_CHECK_NANOS, Math.max(1, deadline - System.nanoTime())));
		}
	}

	public boolean isClosed() {
		return this.closed;
	}

}
