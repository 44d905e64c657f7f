package io.xoscar.internal.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.AbstractActor;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.Waiting;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodCalls;
import io.xoscar.internal.time.Time;

/**
 * The callee's side of an actor living in a pool of this JVM: its mailbox (in the subclasses),
 * dispatch, and running a call with its bookkeeping (metrics, calls in flight, observation, the
 * context added to what it throws), and its lifecycle. Callers reach it through its
 * {@link LocalTarget}; it knows of a caller only what the {@link Call} it runs carries.
 */
public abstract sealed class ActorCell permits StatefulCell, StatelessCell {

	private static final Logger logger = LoggerFactory.getLogger(ActorCell.class);

	final ThreadActorPool pool;

	final String uid;

	final ActorClassInfo info;

	final ActorContext context;

	/** States: takes calls; restarted by its supervision (calls wait); stopped (calls fail). */
	static final int LIVE = 0, RESTARTING = 1, STOPPED = 2;

	private static final VarHandle STATE;

	private static final VarHandle CALLERS;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(ActorCell.class, "state", int.class);
			CALLERS = MethodHandles.lookup().findVarHandle(ActorCell.class, "callers", CallerCounts.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** Replaced by a restart, published by the write of {@link #state} after it, which every call reads. */
	private AbstractActor actor;

	private volatile int state;

	/** Restarts the actor as its supervision says, or {@code null}; set before the cell is listed. */
	private ActorSupervisor supervisor;

	/** The place the actor holds in its pool, freed when it leaves. */
	final Placer.Slot slot;

	private volatile boolean destroying;

	/**
	 * Where its calls are counted for metrics, by {@link Invocable#meterIndex()} (shared by the actors
	 * of its class in its pool group), or {@code null} when the node has no meters.
	 */
	final MethodCalls[] meters;

	/** Who calls it, counted on the calls sampled for metrics; {@code null} until the first. */
	private volatile CallerCounts callers;

	/** Whether calls made by and to this actor carry a {@link CallChain}. */
	final boolean detectsDeadlocks;

	/** Raises alerts about this actor's calls and reports its deadlocks. */
	final Watchdog watchdog;

	/** Observes the calls it runs, or {@code null} when the node does not. */
	private final ServerObservations observations;

	/** The node's time: when calls were queued and started. */
	final Time time;

	private final LongAdder concurrentCalls = new LongAdder();

	/**
	 * Why calls from outside the node's actors are refused (its node is shutting down), or
	 * {@code null} while they are taken.
	 */
	private volatile String refusal;

	/** What callers use to reach it. */
	private final LocalTarget target;

	/** Calls running side by side: all of a stateless actor's, the {@code @NoLock} ones of a stateful one. */
	private final RunningCalls concurrent;

	ActorCell(ThreadActorPool pool, String uid, ActorClassInfo info, ActorContext context, Placer.Slot slot,
			MethodCalls[] meters, CellServices services) {
		this.detectsDeadlocks = services.detectsDeadlocks();
		this.watchdog = services.watchdog();
		this.observations = services.observations();
		this.time = services.time();
		this.pool = pool;
		this.uid = uid;
		this.info = info;
		this.context = context;
		this.slot = slot;
		this.meters = meters;
		this.concurrent = new RunningCalls(info.stateless() ? 2 * pool.threads() + 2 : 2);
		this.target = new LocalTarget(this, services);
	}

	static ActorCell create(ThreadActorPool pool, String uid, ActorClassInfo info, ActorContext context,
			Placer.Slot slot, MethodCalls[] meters, CellServices services) {
		return info.stateless() ? new StatelessCell(pool, uid, info, context, slot, meters, services)
				: new StatefulCell(pool, uid, info, context, slot, meters, services);
	}

	void attach(AbstractActor actor) {
		this.actor = actor;
	}

	void supervise(ActorSupervisor supervisor) {
		this.supervisor = supervisor;
	}

	ActorSupervisor supervisor() {
		return this.supervisor;
	}

	/** A restart begins (or is over): no-op once stopped. */
	void restarting(boolean restarting) {
		STATE.compareAndSet(this, restarting ? LIVE : RESTARTING, restarting ? RESTARTING : LIVE);
	}

	boolean isRestarting() {
		return this.state == RESTARTING;
	}

	public String uid() {
		return this.uid;
	}

	public ThreadActorPool pool() {
		return this.pool;
	}

	public ActorClassInfo info() {
		return this.info;
	}

	public String poolAddress() {
		return this.pool.address();
	}

	boolean isAlive() {
		return this.state != STOPPED;
	}

	/** @return the caller's side of this actor */
	LocalTarget target() {
		return this.target;
	}

	/** @return why calls from outside the node's actors are refused, or {@code null} while they are taken */
	String refusal() {
		return this.refusal;
	}

	/** Hands a call over to the actor: queues it, or runs it on a pool thread. */
	abstract void dispatch(Call call);

	/**
	 * Runs the call on the calling thread if the actor can take it now.
	 * @return whether it ran (or started, for an asynchronous method)
	 */
	abstract boolean tryRunHere(Call call, Running.Slot here);

	/** @return calls waiting in the mailbox */
	public abstract int backlog();

	/** The watchdog found a call past the node's timeout: its future fails, and the call is cancelled. */
	void timeOut(Call call, Duration bound) {
		call.reply().abort(Waiting.timedOut(describe(call.method), bound, CallProgress.whereStuck(this, call)));
	}

	/** The node shuts down: from now on calls from outside its actors are refused. */
	void refuseNewCalls(String why) {
		this.refusal = why;
	}

	/** The node's shutdown timeout passed: the calls still in flight fail (and are cancelled). */
	void abortInFlight(String why) {
		for (Call call : inFlight()) {
			CallFuture reply = call.reply();
			if (reply != null) {
				reply.abort(new PoolDownException(why + "; " + describe(call.method) + " was still running at the deadline"));
			}
		}
	}

	/**
	 * Runs a call on the current thread.
	 * @return {@code null} when the call is over, or the future of an asynchronous method still running
	 */
	final CompletableFuture<Object> execute(Call call) {
		return execute(call, null);
	}

	/**
	 * @param here the slot of the current thread if the caller has it, else {@code null}
	 */
	final CompletableFuture<Object> execute(Call call, Running.Slot here) {
		if (this.state != LIVE) {
			notLive(call);
			return null;
		}
		if (!call.start()) {
			return null;
		}
		begin(call);
		Running.Slot slot = !this.detectsDeadlocks ? null : (here != null) ? here : Running.slot();
		Call outer = null;
		if (slot != null) {
			outer = slot.call;
			slot.call = call;
		}
		Observation observation = (this.observations != null) ? this.observations.start(call, this) : null;
		Object returned;
		try {
			returned = (observation != null) ? invokeInScope(call, observation) : call.invoke(this.actor);
		}
		catch (Throwable ex) {
			if (slot != null) {
				slot.call = outer;
			}
			return failed(call, ex, observation);
		}
		if (slot != null) {
			slot.call = outer;
		}
		call.endRun();
		CompletableFuture<Object> pending = Async.toFuture(returned);
		if (pending == null) {
			ended(call, null, observation);
			call.complete(returned);
			return null;
		}
		return completeLater(call, pending, observation);
	}

	/** While it restarts the call waits for the new instance; once stopped it fails. Out of {@link #execute}. */
	private void notLive(Call call) {
		if (this.supervisor != null && this.supervisor.hold(call)) {
			return;
		}
		if (this.state == LIVE) {
			dispatch(call); // the restart ended meanwhile
			return;
		}
		call.fail((this.supervisor != null) ? this.supervisor.gone()
				: new ActorNotFoundException(this.pool.address(), this.uid));
	}

	/**
	 * The method threw. Out of {@link #execute}, which stays small enough to inline.
	 * @return a restart under way that keeps a stateful actor's lock, or {@code null}
	 */
	private CompletableFuture<Object> failed(Call call, Throwable error, Observation observation) {
		call.endRun();
		ended(call, error, observation);
		return fail(call, error);
	}

	/** Fails the call once its supervision decided on a restart, which the caller's next call then finds. */
	private CompletableFuture<Object> fail(Call call, Throwable error) {
		CompletableFuture<Object> restart = (this.supervisor != null) ? this.supervisor.failed(call, error) : null;
		call.fail(RaisedErrors.withContext(error, describe(call.method)));
		return restart;
	}

	/**
	 * The method returned a future: the call ends when it completes.
	 * @return {@code null} if it already has, else the future
	 */
	private CompletableFuture<Object> completeLater(Call call, CompletableFuture<Object> pending,
			Observation observation) {
		// handle, not join or whenComplete: those wrap a failure in a CompletionException, whose
		// constructor describes it, and an exception whose description throws would escape here
		// its value: a restart under way that keeps a stateful actor's lock, or null
		CompletableFuture<Object> ended = pending.handle((value, error) -> {
			ended(call, error, observation);
			return finish(call, value, error);
		});
		if (ended.isDone()) {
			return ActorSupervisor.restartOf(ended.getNow(null));
		}
		call.await(pending);
		return ended;
	}

	/**
	 * Marks a call as running (kept out of {@link #execute}, so that the JIT still inlines that
	 * into the blocking call's path): when it started, the end of its wait in the mailbox,
	 * metrics, the calls in flight.
	 */
	private void begin(Call call) {
		call.startedAt = this.time.millis();
		Alert queued = call.alert;
		if (queued != null) {
			call.alert = null;
			this.watchdog.alerts().ended(queued, call.startedAt - call.queuedAt);
		}
		if (this.meters != null) {
			call.meter();
		}
		track(call);
	}

	/** Runs the call with its observation current on this thread, for its logs and the calls it makes. */
	private Object invokeInScope(Call call, Observation observation) throws Throwable {
		try (Observation.Scope scope = observation.openScope()) {
			return call.invoke(this.actor);
		}
	}

	/** @return whether the call holds this actor's lock (only stateful actors have one) */
	boolean holds(Call call) {
		return false;
	}

	/** @return the call holding this actor's lock, or {@code null} (free, or an actor without a lock) */
	Call lockHolder() {
		return null;
	}

	/** @return the call holding this actor's lock if its chain id is {@code id}, else {@code null} */
	Call holderWithId(long id) {
		return null;
	}

	/**
	 * @param error what the call failed with (possibly wrapped by a future), or {@code null}
	 * @param observation the callee's observation of the call, or {@code null}
	 */
	private void ended(Call call, Throwable error, Observation observation) {
		untrack(call);
		call.recordMetrics(error == null);
		Alert alert = call.alert;
		if (alert != null) {
			this.watchdog.alerts().ended(alert, this.time.millis() - call.startedAt);
		}
		if (observation != null) {
			ServerObservations.stop(observation, Async.unwrap(error));
		}
	}

	/** Lists a call that starts running among the actor's calls in flight. */
	void track(Call call) {
		this.concurrentCalls.increment();
		call.slot = this.concurrent.add(call);
	}

	void untrack(Call call) {
		this.concurrent.remove(call.slot, call);
	}

	/** @return whether the call is still running or awaiting its asynchronous result */
	boolean isInFlight(Call call) {
		return this.concurrent.holds(call.slot, call);
	}

	/** Shows the watchdog the calls in flight (and, for a stateful actor, the oldest queued one). */
	void watch(Watchdog watchdog, long now) {
		this.concurrent.watch(watchdog, this, now);
	}

	/** @return the calls in flight: running, or awaiting the result of an asynchronous method */
	List<Call> inFlight() {
		return this.concurrent.list();
	}

	/** @return whether a call is running, awaited or queued */
	boolean isBusy() {
		return backlog() > 0 || !inFlight().isEmpty();
	}

	/** A call sampled for metrics starts: counts its caller. */
	void sampledCallBy(Object caller) {
		CallerCounts counts = this.callers;
		if (counts == null) {
			CallerCounts created = new CallerCounts();
			counts = (CallerCounts) CALLERS.compareAndExchange(this, (CallerCounts) null, created);
			if (counts == null) {
				counts = created;
			}
		}
		counts.sampled(caller);
	}

	/** @return who called it, estimated from the sampled calls; empty if none was sampled */
	Map<String, Long> callers() {
		CallerCounts counts = this.callers;
		return (counts != null) ? counts.estimates() : Map.of();
	}

	/** @return calls started since the actor was created */
	public long calls() {
		return this.concurrentCalls.sum();
	}

	private CompletableFuture<Object> finish(Call call, Object value, Throwable error) {
		if (error != null) {
			return fail(call, Async.unwrap(error));
		}
		call.complete(value);
		return null;
	}

	public String describe(String method) {
		return "actor '" + this.uid + "' (" + this.info.type().getSimpleName() + ") method " + method + " at "
				+ this.pool.address();
	}

	void logUnhandled(Call call, Throwable error, String why) {
		logger.warn("Unhandled error in {} ({})", describe(call.method), why, error);
	}

	// lifecycle

	AbstractActor actor() {
		return this.actor;
	}

	void postCreate() throws Exception {
		this.context.postCreate();
	}

	void preDestroy() throws Exception {
		this.context.preDestroy();
	}

	/**
	 * Stops the actor: it takes no more calls, and queued ones fail.
	 * @return whether this call stopped it (false if it was already stopped)
	 */
	synchronized boolean stop(RuntimeException reason) {
		if (this.state == STOPPED) {
			return false;
		}
		this.state = STOPPED;
		failQueued(reason);
		if (this.supervisor != null) {
			this.supervisor.stopped(reason);
		}
		return true;
	}

	/** @return whether this call started the destruction (false if one is already under way) */
	synchronized boolean beginDestroy() {
		if (this.destroying || this.state == STOPPED) {
			return false;
		}
		this.destroying = true;
		return true;
	}

	synchronized void abortDestroy() {
		this.destroying = false;
	}

	abstract void failQueued(RuntimeException reason);

}
