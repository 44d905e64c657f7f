package io.xoscar;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.TlsConfig;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.LatencyHistogram;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.ActorUids;
import io.xoscar.internal.pool.Node;
import io.xoscar.internal.pool.ActorPool;
import io.xoscar.recovery.RecoveryListener;

/**
 * One node: a main pool (index 0, at the node's address) and its sub pools, each with its own
 * threads and labels. Creates, finds and removes actors; handles it returns route their calls.
 * <p>
 * Every operation that may involve another pool returns a {@link CompletableFuture}; none blocks.
 */
public final class ActorSystem implements AutoCloseable {

	private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private final Node node;

	private ActorSystem(ActorSystemConfig config) {
		this.node = new Node(this, config);
	}

	/**
	 * Starts a node.
	 * @param config its configuration
	 * @return the running system
	 * @throws IllegalArgumentException if the address is malformed
	 * @throws IllegalStateException if another actor system of this JVM has the address
	 */
	public static ActorSystem create(ActorSystemConfig config) {
		return new ActorSystem(Objects.requireNonNull(config, "config"));
	}

	/**
	 * @return the address of the main pool
	 */
	public String address() {
		return this.node.address();
	}

	/**
	 * @param address a pool address
	 * @return how this node reaches that pool now: {@code local} (this JVM: direct hand-off),
	 * {@code unix} (Unix domain socket), {@code tcp}, or {@code none} (no connection yet)
	 */
	public String channelTo(String address) {
		return this.node.channelTo(address);
	}

	/**
	 * Replaces the TLS material (a renewed certificate, a changed trust store) of the TCP connections
	 * this node's main process makes and accepts from now on; connections already open keep theirs.
	 * Child JVMs of process pools started from now on (pools added, processes recovery starts again)
	 * get the new material; those running keep theirs.
	 * @param tls the new material and settings
	 * @throws IllegalStateException if this node was started without TLS
	 * @throws IllegalArgumentException if the material does not make a TLS context
	 */
	public void replaceTls(TlsConfig tls) {
		this.node.replaceTls(Objects.requireNonNull(tls, "tls"));
	}

	/**
	 * @return the pools of this node, the main pool first
	 */
	public List<PoolInfo> pools() {
		return this.node.pools().stream().map(PoolInfo::of).toList();
	}

	/**
	 * Adds a group of sub pools at run time. Process pools start in the background, in parallel.
	 * @param group the pools
	 * @return the new pools once they run (process pools: their child JVMs are ready); fails with
	 * {@link io.xoscar.exception.PoolStartException} (exit code and the tail of the child's standard
	 * error) if a process pool does not start, the pools of the group already started being stopped
	 */
	public CompletableFuture<List<PoolInfo>> addPools(PoolConfig group) {
		return this.node.addPools(Objects.requireNonNull(group, "group"))
			.thenApply((added) -> added.stream().map(PoolInfo::of).toList());
	}

	/**
	 * Removes a sub pool: its actors are gone at once, and later calls to them fail with
	 * {@link PoolDownException} saying that the pool was removed; a process pool's process is stopped
	 * in the background.
	 * @param index the pool index (not 0)
	 * @return completes when the pool has stopped; fails with {@link PoolDownException} if there is
	 * no such pool, {@link IllegalArgumentException} for the main pool
	 */
	public CompletableFuture<Void> removePool(int index) {
		return this.node.removePool(index);
	}

	/**
	 * Creates an actor: constructs it on a thread of the chosen pool with the constructor the
	 * arguments select, then runs its {@link AbstractActor#postCreate() postCreate}.
	 * @param <T> the actor class
	 * @param type the actor class
	 * @param options uid and placement
	 * @param args constructor arguments
	 * @return a handle once the actor is created; fails with what the constructor or postCreate threw,
	 * {@link io.xoscar.exception.ActorAlreadyExistsException}, {@link io.xoscar.exception.NoIdleSlotException},
	 * {@link io.xoscar.exception.NoSuchPoolException} or {@link IllegalArgumentException} (bad uid or class)
	 */
	public <T extends AbstractActor> CompletableFuture<ActorHandle<T>> createActor(Class<T> type, CreateOptions options,
			@Nullable Object @Nullable ... args) {
		return this.node.create(type, options, (args != null) ? args : new Object[] { null });
	}

	/**
	 * Creates an actor with a generated uid on the main pool.
	 * @param <T> the actor class
	 * @param type the actor class
	 * @param args constructor arguments
	 * @return a handle once the actor is created
	 * @see #createActor(Class, CreateOptions, Object...)
	 */
	public <T extends AbstractActor> CompletableFuture<ActorHandle<T>> createActor(Class<T> type,
			@Nullable Object @Nullable ... args) {
		return createActor(type, CreateOptions.defaults(), args);
	}

	/**
	 * Finds an existing actor. Through a node's main address, actors of all its pools are found; the
	 * handle then carries the address of the actor's own pool.
	 * @param <T> the actor class
	 * @param address a pool address
	 * @param uid the actor uid
	 * @param type the actor class (used by typed proxies)
	 * @return the handle; fails with {@link io.xoscar.exception.ActorNotFoundException} if there is no
	 * such actor, or {@link IllegalArgumentException} if the uid is illegal (as for
	 * {@link #createActor})
	 */
	public <T> CompletableFuture<ActorHandle<T>> actorRef(String address, String uid,
			@Nullable Class<T> type) {
		CompletableFuture<ActorHandle<T>> illegal = illegalUid(uid);
		return (illegal != null) ? illegal : this.node.actorRefAnywhere(address, uid, type);
	}

	/**
	 * A handle to an actor that need not exist yet: nothing is checked or resolved until its first
	 * call, which finds the actor then (through a main address, in any pool of that node). For
	 * references made before their actors, such as injected ones.
	 * @param <T> the actor class
	 * @param address a pool address, usually a node's main address
	 * @param uid the actor uid
	 * @param type the actor class, or {@code null} if unknown (typed proxies need it)
	 * @return the handle
	 * @throws IllegalArgumentException if the uid is illegal (as for {@link #createActor})
	 */
	public <T> ActorHandle<T> handle(String address, String uid, @Nullable Class<T> type) {
		return this.node.handle(Objects.requireNonNull(address, "address"), Objects.requireNonNull(uid, "uid"), type);
	}

	/**
	 * @param address a pool address
	 * @param uid the actor uid
	 * @return the handle
	 * @see #actorRef(String, String, Class)
	 */
	public CompletableFuture<ActorHandle<Object>> actorRef(String address, String uid) {
		return actorRef(address, uid, null);
	}

	/**
	 * Runs the actor's {@link AbstractActor#preDestroy() preDestroy} (outside its lock), then removes
	 * it; calls still queued fail with {@link io.xoscar.exception.ActorNotFoundException}. An actor may
	 * destroy itself.
	 * @param actor the actor
	 * @return completes when the actor is gone; fails with what preDestroy threw (the actor then
	 * stays) or with {@link io.xoscar.exception.ActorNotFoundException}
	 */
	public CompletableFuture<Void> destroyActor(ActorHandle<?> actor) {
		CompletableFuture<Void> illegal = illegalUid(actor.uid());
		return (illegal != null) ? illegal : this.node.destroyAnywhere(actor.address(), actor.uid());
	}

	/**
	 * @param actor the actor
	 * @return whether it exists
	 */
	public CompletableFuture<Boolean> hasActor(ActorHandle<?> actor) {
		CompletableFuture<Boolean> illegal = illegalUid(actor.uid());
		return (illegal != null) ? illegal : this.node.hasAnywhere(actor.address(), actor.uid());
	}

	/**
	 * Removes an actor of a thread sub pool at once, without running preDestroy; queued calls fail
	 * with {@link io.xoscar.exception.ActorNotFoundException}. For an actor of a process pool, kills
	 * the pool's process ({@code SIGKILL}, as the original does): its calls in flight fail with
	 * {@link PoolDownException}, and recovery (if on) restarts the pool with its actors, this one
	 * included. Refused ({@link IllegalArgumentException}) for actors of the main pool.
	 * @param actor the actor
	 * @return completes when the actor is gone
	 */
	public CompletableFuture<Void> killActor(ActorHandle<?> actor) {
		CompletableFuture<Void> illegal = illegalUid(actor.uid());
		return (illegal != null) ? illegal : this.node.killAnywhere(actor.address(), actor.uid());
	}

	/** @return a future failed with the reason if the uid is illegal, else {@code null} */
	private static <T> @Nullable CompletableFuture<T> illegalUid(String uid) {
		try {
			ActorUids.check(uid);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Shuts down gracefully, by one deadline: at once, new calls from outside the node's actors (and
	 * new actors) are refused with {@link PoolDownException}; the calls running and queued in this
	 * JVM may finish until {@code timeout} has passed (calls the node's actors make meanwhile still
	 * run); every actor's preDestroy runs within what is left; calls still running or queued then
	 * fail with {@link PoolDownException} saying the node is shutting down (a running one is
	 * interrupted); the pools stop (child JVMs of process pools exit, killed if they do not by then).
	 * Returns shortly after {@code timeout}. Called again while it runs, it returns at once; called by
	 * an actor, it does not wait for the calls in flight (it would wait for itself).
	 * @param timeout the bound of the whole shutdown
	 */
	public void shutdown(Duration timeout) {
		this.node.close(timeout);
	}

	/**
	 * Shuts down with a 10 second bound.
	 * @see #shutdown(Duration)
	 */
	@Override
	public void close() {
		shutdown(DEFAULT_SHUTDOWN_TIMEOUT);
	}

	@Override
	public String toString() {
		return "ActorSystem[" + this.node.address() + "]";
	}

	/**
	 * @return a snapshot of every actor of this node: those of thread pools at once, those of
	 * process pools as their child JVMs report them (a pool that does not answer is left out)
	 */
	public CompletableFuture<List<ActorInfo>> actors() {
		return this.node.actors();
	}

	/**
	 * @return the calls of each actor method since the node started, by pool (group), actor class
	 * and method, those of process pools as their child JVMs last reported them (about once a
	 * second); empty when the node has no {@link io.micrometer.core.instrument.MeterRegistry}, which
	 * is where these counts are kept
	 */
	public List<MethodStats> methodStats() {
		return this.node.methodStats();
	}

	/**
	 * @return the deadlocks detected in this node and its process pools, newest first (at most the
	 * configured history)
	 */
	public List<DeadlockReport> deadlocks() {
		return this.node.deadlocks();
	}

	/**
	 * @return the slow-call and backlog alerts raised in this node and its process pools, newest
	 * first (at most the configured history), each as it is now: still running, or ended
	 */
	public List<SlowCallAlert> slowCalls() {
		return this.node.slowCalls();
	}

	/**
	 * Adds a listener of deadlocks and alerts (see {@link DebugListener}).
	 * @param listener the listener
	 * @return removes the listener when run
	 */
	public Runnable addDebugListener(DebugListener listener) {
		return this.node.addDebugListener(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Adds a listener of what recovery does (see {@link RecoveryListener}).
	 * @param listener the listener
	 * @return removes the listener when run
	 */
	public Runnable addRecoveryListener(RecoveryListener listener) {
		return this.node.addRecoveryListener(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * A snapshot of one actor.
	 *
	 * @param uid the actor's uid
	 * @param actorClass its class name
	 * @param stateful whether it takes one call at a time
	 * @param pool the index of its pool
	 * @param address the address of its pool
	 * @param backlog calls waiting in its mailbox
	 * @param calls calls it started since it was created
	 * @param inFlight its calls now running or awaiting an asynchronous result, the one holding a
	 * stateful actor first
	 * @param restarts how often its {@link io.xoscar.recovery.Supervision} restarted it since it was
	 * created
	 * @param lastRestartReason the failure that caused the last restart (exception class and
	 * message), or {@code null} if it was never restarted
	 * @param callers who called it since it was created, estimated from the calls sampled for
	 * metrics (1 in 16, so 16 per sampled call): by the calling actor's uid, calls from threads that
	 * run no actor's call under {@value #OUTSIDE_ACTORS}; empty when the node has no meters
	 */
	public record ActorInfo(String uid, String actorClass, boolean stateful, int pool, String address, int backlog,
			long calls, List<CallInfo> inFlight, int restarts, @Nullable String lastRestartReason,
			Map<String, Long> callers) {

		/** The key of {@link #callers()} for calls made by threads that run no actor's call. */
		public static final String OUTSIDE_ACTORS = "";

		public ActorInfo {
			inFlight = List.copyOf(inFlight);
			callers = (callers != null) ? Map.copyOf(callers) : Map.of();
		}

		/** @return the same actor, as listed by the node whose pool {@code index} holds it */
		public ActorInfo inPool(int index) {
			return new ActorInfo(this.uid, this.actorClass, this.stateful, index, this.address, this.backlog, this.calls,
					this.inFlight, this.restarts, this.lastRestartReason, this.callers);
		}

	}

	/**
	 * The calls of one actor method (all its overloads) in one pool (or group of process pools), by
	 * all the actors of its class there, since the node started.
	 *
	 * @param pool the pool's name (a process pool group's name for all its processes)
	 * @param actorClass the actor class name
	 * @param method the method name
	 * @param successes calls that returned
	 * @param errors calls that threw
	 * @param items items its streams sent
	 * @param latencies how long the calls timed for metrics took (1 in 16 of either outcome)
	 */
	public record MethodStats(String pool, String actorClass, String method, long successes, long errors, long items,
			LatencyHistogram latencies) {

		/** @return the calls of both, as one method's */
		public MethodStats plus(MethodStats other) {
			return new MethodStats(this.pool, this.actorClass, this.method, this.successes + other.successes,
					this.errors + other.errors, this.items + other.items, this.latencies.plus(other.latencies));
		}

	}

	/**
	 * A call in flight.
	 *
	 * @param method the method called
	 * @param age how long it has been running (to about 10 ms)
	 * @param thread the thread running it, or {@code null} while it awaits an asynchronous result
	 * (or, for a stream, while its producer waits for demand or makes items elsewhere)
	 * @param stream whether it is a stream's call ({@link ActorMethod#stream}), open until the stream ends
	 * @param items for a stream, the items sent so far; 0 otherwise
	 */
	public record CallInfo(String method, Duration age, @Nullable String thread, boolean stream, long items) {

		/** A call that is not a stream. */
		public CallInfo(String method, Duration age, @Nullable String thread) {
			this(method, age, thread, false, 0);
		}

	}

	/**
	 * A snapshot of one pool.
	 *
	 * @param index the pool index (0 = main)
	 * @param name the pool (group) name
	 * @param address the pool address
	 * @param labels the pool labels
	 * @param threads the pool's thread count
	 * @param actors actors in the pool
	 * @param backlog calls waiting in the pool's mailboxes (for a process pool: as its child JVM
	 * told, about a second ago)
	 * @param mode thread or process
	 * @param up whether the pool is running
	 * @param pid the process id (this JVM's for thread pools; for a process pool that is down, of
	 * the process that died)
	 * @param state up, restarting or down
	 * @param restarts how often recovery restarted the pool's process since the node started
	 * @param lastFailure why its process died last (or why recovery gave it up), or {@code null} if
	 * it never did
	 */
	public record PoolInfo(int index, String name, String address, Set<String> labels, int threads, int actors,
			long backlog, PoolMode mode, boolean up, long pid, PoolState state, int restarts,
			@Nullable String lastFailure) {

		static PoolInfo of(ActorPool pool) {
			return new PoolInfo(pool.index(), pool.name(), pool.address(), pool.labels(), pool.threads(), pool.load(),
					pool.backlog(), pool.mode(), pool.isUp(), pool.pid(), pool.state(), pool.restarts(),
					pool.lastFailure());
		}

	}

	/** Whether a pool serves calls. */
	public enum PoolState {

		/** It runs and takes calls. */
		UP,

		/** Its process died and recovery is starting it again; calls made meanwhile wait for it. */
		RESTARTING,

		/** It is gone (removed, its process died with recovery off, or recovery gave it up). */
		DOWN

	}

}
