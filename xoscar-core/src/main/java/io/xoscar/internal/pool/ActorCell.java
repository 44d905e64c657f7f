package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.AbstractActor;
import io.xoscar.ActorSystem;
import io.xoscar.exception.ActorCallContext;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.XoscarException;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.call.ChainLink;
import io.xoscar.internal.call.Deadlines;
import io.xoscar.internal.call.LocalActor;
import io.xoscar.internal.call.HandedOver;
import io.xoscar.internal.call.Timeout;
import io.xoscar.internal.call.Waiting;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.BatchMethod;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodCalls;
import io.xoscar.internal.time.Time;

/**
 * An actor living in a pool of this JVM, and the local {@link io.xoscar.internal.call.CallTarget} of its handles: calls are
 * handed over as they are, without copying or serializing their arguments.
 */
public abstract sealed class ActorCell implements LocalActor permits StatefulCell, StatelessCell {

	private static final Logger logger = LoggerFactory.getLogger(ActorCell.class);

	final ThreadActorPool pool;

	final String uid;

	final ActorClassInfo info;

	final ActorContext context;

	private AbstractActor actor;

	private volatile boolean alive = true;

	/** The place the actor holds in its pool, freed when it leaves. */
	final Placer.Slot slot;

	private volatile boolean destroying;

	/**
	 * Where its calls are counted for metrics, by {@link Invocable#meterIndex()} (shared by the actors
	 * of its class in its pool group), or {@code null} when the node has no meters.
	 */
	final MethodCalls[] meters;

	/** Whether calls made by and to this actor carry a {@link CallChain}. */
	final boolean detectsDeadlocks;

	/** Raises alerts about this actor's calls and reports its deadlocks. */
	final Watchdog watchdog;

	/** Observes the calls it runs, or {@code null} when the node does not. */
	private final ServerObservations observations;

	/** Ends its callers' calls whose time is up. */
	private final Deadlines deadlines;

	/** The node's time: when calls were queued and started. */
	final Time time;

	private final LongAdder concurrentCalls = new LongAdder();

	/**
	 * Why calls from outside the node's actors are refused (its node is shutting down), or
	 * {@code null} while they are taken.
	 */
	private volatile String refusal;

	/** Calls running side by side: all of a stateless actor's, the {@code @NoLock} ones of a stateful one. */
	private final RunningCalls concurrent;

	ActorCell(ThreadActorPool pool, String uid, ActorClassInfo info, ActorContext context, Placer.Slot slot,
			MethodCalls[] meters, CellServices services) {
		this.detectsDeadlocks = services.detectsDeadlocks();
		this.watchdog = services.watchdog();
		this.observations = services.observations();
		this.deadlines = services.deadlines();
		this.time = services.time();
		this.pool = pool;
		this.uid = uid;
		this.info = info;
		this.context = context;
		this.slot = slot;
		this.meters = meters;
		this.concurrent = new RunningCalls(info.stateless() ? 2 * pool.threads() + 2 : 2);
	}

	static ActorCell create(ThreadActorPool pool, String uid, ActorClassInfo info, ActorContext context,
			Placer.Slot slot, MethodCalls[] meters, CellServices services) {
		return info.stateless() ? new StatelessCell(pool, uid, info, context, slot, meters, services)
				: new StatefulCell(pool, uid, info, context, slot, meters, services);
	}

	void attach(AbstractActor actor) {
		this.actor = actor;
	}

	public String uid() {
		return this.uid;
	}

	public ThreadActorPool pool() {
		return this.pool;
	}

	@Override
	public ActorClassInfo info() {
		return this.info;
	}

	@Override
	public String poolAddress() {
		return this.pool.address();
	}

	@Override
	public String address() {
		return this.pool.address();
	}

	@Override
	public boolean isValid() {
		return this.alive;
	}

	@Override
	public Class<?> actorClass() {
		return this.info.type();
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

	@Override
	public CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		Invocable target;
		try {
			refuseIfShuttingDown(method);
			target = this.info.resolve(method, args);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Call current = this.detectsDeadlocks ? Running.current() : null;
		Call call = made(Call.single(this, target, args, true, CallChain.of(current), observed), current);
		return dispatchBounded(call, timeout);
	}

	/**
	 * Dispatches a call whose caller waits for its future: a timeout chosen for the call or its
	 * method gets a timer; the default (the caller's, which in this JVM is the node's) is left to the
	 * {@link Watchdog}.
	 */
	private CompletableFuture<Object> dispatchBounded(Call call, Timeout timeout) {
		Duration chosen = timeout.chosenFor(call.invocable());
		if (chosen == null && timeout.fallback() != null) {
			call.queuedAt = this.time.millis();
			call.boundByNode = true;
		}
		dispatch(call);
		return this.deadlines.bound(call.reply(), chosen, () -> describe(call.method), () -> whereStuck(call));
	}

	/** The watchdog found a call past the node's timeout: its future fails, and the call is cancelled. */
	void timeOut(Call call, Duration bound) {
		call.reply().abort(Waiting.timedOut(describe(call.method), bound, whereStuck(call)));
	}

	/** Records who made a call, and that the caller's call made it. */
	private static Call made(Call call, Call current) {
		call.caller = Callers.of(current);
		if (current != null) {
			current.outgoing = call;
		}
		return call;
	}

	@Override
	public CompletableFuture<Object> invoke(Invocable target, Object[] args, boolean reply, List<ChainLink> chain,
			Object caller, CallerObservation observed) {
		String refused = this.refusal;
		if (refused != null && chain == null) {
			// from another process, and not for an actor of the node's that waits
			return CompletableFuture.failedFuture(refusedCall(refused, target.name()));
		}
		CallChain received = (chain != null && reply && this.detectsDeadlocks) ? CallChain.of(chain) : null;
		Call call;
		if (received != null || caller != null) {
			call = Call.single(this, target, args, reply, received, observed);
			call.caller = caller;
			if (received != null) {
				call.queuedAt = this.time.millis();
				this.watchdog.acrossProcesses().arrived(call);
			}
		}
		else {
			Call current = (reply && this.detectsDeadlocks) ? Running.current() : null;
			call = made(Call.single(this, target, args, reply, CallChain.of(current), observed), current);
		}
		dispatch(call);
		return reply ? call.reply() : CompletableFuture.completedFuture(null);
	}

	@Override
	public Object call(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		refuseIfShuttingDown(method);
		Invocable target = this.info.resolve(method, args);
		// a timeout chosen for the call or its method can only bound it on a pool thread, never inline
		Duration chosen = timeout.chosenFor(target);
		Duration bound = (chosen != null) ? chosen : timeout.fallback();
		// the caller's actor (if one runs here) waits from before the call is sent: a callee can't miss it
		Running.Slot here = this.detectsDeadlocks ? Running.slot() : null;
		Call waiter = (here != null) ? here.call : null;
		Call call = made(Call.single(this, target, args, true, CallChain.of(waiter), observed), waiter);
		return (waiter == null) ? runOrDispatchAndWait(call, bound, chosen == null, here)
				: waitAsActor(call, bound, chosen == null, here, waiter);
	}

	/** A blocking call made by an actor's call: that call waits while it lasts. */
	private Object waitAsActor(Call call, Duration bound, boolean inline, Running.Slot here, Call waiter) {
		boolean outer = waiter.blocked;
		waiter.blocked = true;
		try {
			return runOrDispatchAndWait(call, bound, inline, here);
		}
		finally {
			waiter.blocked = outer;
		}
	}

	/**
	 * @param inline whether the call may run on this thread when the actor is idle (then the node's
	 * timeout does not interrupt it: the caller's own thread runs it)
	 */
	private Object runOrDispatchAndWait(Call call, Duration timeout, boolean inline, Running.Slot here) {
		if (!(inline && this.pool.mayRunOnCurrentThread() && tryRunHere(call, here))) {
			dispatch(call);
		}
		return this.deadlines.await(call.reply(), timeout, () -> describe(call.method), () -> whereStuck(call));
	}

	/**
	 * Fails a call made from outside the node's actors while the node shuts down (calls its actors
	 * make, on their pools' threads, still run: they may be what ends a call in flight).
	 */
	private void refuseIfShuttingDown(String method) {
		String refused = this.refusal;
		if (refused != null && !(Thread.currentThread() instanceof ThreadActorPool.Worker)) {
			throw refusedCall(refused, method);
		}
	}

	private PoolDownException refusedCall(String why, String method) {
		return new PoolDownException(why + ": new calls are refused (" + describe(method) + ")");
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

	/** Where a call is, for a timeout message: queued (behind what), running (on which thread), awaiting. */
	String whereStuck(Call call) {
		long now = this.time.millis();
		if (!call.hasStarted()) {
			StringBuilder where = new StringBuilder("queued, with " + backlog() + " call(s) in the mailbox");
			for (Call running : inFlight()) {
				where.append("; ").append(running.method).append(" ").append(progress(running, now));
				break;
			}
			return where.toString();
		}
		return progress(call, now);
	}

	private static String progress(Call call, long now) {
		long age = Math.max(0, now - call.startedAt);
		Thread runner = call.runner();
		return (runner != null) ? "running for " + age + " ms on thread " + runner.getName()
				: "awaiting an asynchronous result for " + age + " ms";
	}

	@Override
	public CompletableFuture<Void> tell(String method, Object[] args, CallerObservation observed) {
		try {
			refuseIfShuttingDown(method);
			Call call = Call.single(this, this.info.resolve(method, args), args, false, null, observed);
			call.caller = Callers.of(null);
			dispatch(call);
			return HandedOver.INSTANCE;
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public CompletableFuture<List<Object>> batch(String method, List<Object[]> calls, boolean reply, Timeout timeout,
			CallerObservation observed) {
		return batch(method, null, calls, reply, timeout, observed);
	}

	@Override
	public CompletableFuture<List<Object>> batch(String method, List<Invocable> resolved, List<Object[]> calls,
			boolean reply, CallerObservation observed) {
		return batch(method, resolved, calls, reply, Timeout.RELAYED, observed);
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<List<Object>> batch(String method, List<Invocable> resolved, List<Object[]> calls,
			boolean reply, Timeout timeout, CallerObservation observed) {
		if (calls.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		Call call;
		try {
			refuseIfShuttingDown(method);
			BatchMethod batchMethod = this.info.batchOf(method);
			List<Invocable> singles = resolved;
			if (batchMethod != null && (resolved == null || !batchMethod.boundAlike(resolved))) {
				batchMethod.check(calls);
			}
			else if (singles == null) {
				singles = new ArrayList<>(calls.size());
				for (Object[] args : calls) {
					singles.add(this.info.resolve(method, args));
				}
			}
			Call current = (reply && this.detectsDeadlocks) ? Running.current() : null;
			call = made(Call.batch(this, method, batchMethod, singles, calls, reply, CallChain.of(current), observed),
					current);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (!reply) {
			dispatch(call);
			return CompletableFuture.completedFuture(null);
		}
		return dispatchBounded(call, timeout).thenApply((results) -> (List<Object>) results);
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
		if (!this.alive) {
			call.fail(new ActorNotFoundException(this.pool.address(), this.uid));
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
			failed(call, ex, observation);
			return null;
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

	/** The method threw. Out of {@link #execute}, which stays small enough to inline. */
	private void failed(Call call, Throwable error, Observation observation) {
		call.endRun();
		ended(call, error, observation);
		call.fail(withContext(error, call.method));
	}

	/**
	 * The method returned a future: the call ends when it completes.
	 * @return {@code null} if it already has, else the future
	 */
	private CompletableFuture<Object> completeLater(Call call, CompletableFuture<Object> pending,
			Observation observation) {
		// handle, not join or whenComplete: those wrap a failure in a CompletionException, whose
		// constructor describes it, and an exception whose description throws would escape here
		CompletableFuture<Object> ended = pending.handle((value, error) -> {
			ended(call, error, observation);
			finish(call, value, error);
			return null;
		});
		if (ended.isDone()) {
			return null;
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
			this.watchdog.ended(queued, call.startedAt - call.queuedAt);
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
			this.watchdog.ended(alert, this.time.millis() - call.startedAt);
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

	/** @return calls started since the actor was created */
	public long calls() {
		return this.concurrentCalls.sum();
	}

	/**
	 * @return a snapshot of the actor for listings
	 */
	ActorSystem.ActorInfo snapshot() {
		long now = this.time.millis();
		List<ActorSystem.CallInfo> running = new ArrayList<>();
		for (Call call : inFlight()) {
			Thread runner = call.runner();
			running.add(new ActorSystem.CallInfo(call.method, Duration.ofMillis(Math.max(0, now - call.startedAt)),
					(runner != null) ? runner.getName() : null));
		}
		return new ActorSystem.ActorInfo(this.uid, this.info.type().getName(), !this.info.stateless(),
				this.pool.index(), this.pool.address(), backlog(), calls(), running);
	}

	private void finish(Call call, Object value, Throwable error) {
		if (error != null) {
			call.fail(withContext(Async.unwrap(error), call.method));
		}
		else {
			call.complete(value);
		}
	}

	private Throwable withContext(Throwable thrown, String method) {
		String where = "raised by " + describe(method);
		Throwable error = describable(thrown, where);
		for (Throwable suppressed : error.getSuppressed()) {
			if (suppressed instanceof ActorCallContext && where.equals(suppressed.getMessage())) {
				return error;
			}
		}
		error.addSuppressed(new ActorCallContext(where));
		return error;
	}

	/**
	 * Futures describe the exceptions they carry ({@code toString()}, so {@code getMessage()}): one
	 * whose description throws would break every future it passes through and leave its caller
	 * without an answer. It is replaced by an exception saying so, with its stack.
	 */
	private static Throwable describable(Throwable error, String where) {
		try {
			error.toString();
			return error;
		}
		catch (RuntimeException | LinkageError ex) {
			String why;
			try {
				why = ex.toString();
			}
			catch (RuntimeException | LinkageError again) {
				why = ex.getClass().getName();
			}
			XoscarException replaced = new XoscarException(error.getClass().getName() + " " + where
					+ " cannot be described: its getMessage() or toString() threw " + why);
			try {
				replaced.setStackTrace(error.getStackTrace());
			}
			catch (RuntimeException ignored) {
				// keep the replacement's own stack
			}
			return replaced;
		}
	}

	@Override
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
		if (!this.alive) {
			return false;
		}
		this.alive = false;
		failQueued(reason);
		return true;
	}

	/** @return whether this call started the destruction (false if one is already under way) */
	synchronized boolean beginDestroy() {
		if (this.destroying || !this.alive) {
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
