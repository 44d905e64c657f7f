package io.xoscar.internal.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.xoscar.AbstractActor;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.reflect.BatchMethod;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodCalls;
import io.xoscar.observation.ActorCallKind;

/**
 * One message to one actor: a single call or a batch, with the future its caller waits on
 * ({@code null} for a tell). Tracks whether it is queued, running or awaiting an asynchronous
 * result, so that cancelling the caller's future can drop, interrupt or cancel it.
 */
final class Call implements Runnable {

	private static final int QUEUED = 0;

	private static final int RUNNING = 1;

	private static final int INTERRUPTING = 2;

	private static final int DONE = 3;

	private static final int CANCELLED = 4;

	private static final VarHandle STATE;

	private static final VarHandle RUNNER;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(Call.class, "state", int.class);
			RUNNER = MethodHandles.lookup().findVarHandle(Call.class, "runner", Thread.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final ActorCell cell;

	final String method;

	private final Invocable single;

	private final Object[] args;

	/** What a batch runs, or {@code null} for a single call. */
	private final CallBatch batch;

	private final CallFuture reply;

	/** The stateful actors waiting on this call, innermost first; {@code null} if none. */
	final CallChain chain;

	/** What the call carries of its caller's observation, or {@code null}. */
	final CallerObservation callerObservation;

	/**
	 * Whether its thread waits in a blocking call or {@code join} it made. Plain: the callee learns
	 * of the call through its mailbox (or the socket), which publishes this write.
	 */
	boolean blocked;

	private static final AtomicLong CHAIN_IDS = new AtomicLong();

	/** Names this call in chains sent to other processes; 0 until one is. */
	private volatile long chainId;

	private volatile int state;

	/** Written with release semantics: a plain store on the hot path, seen by cancel and listings. */
	private Thread runner;

	/** When it started running ({@link io.xoscar.internal.time.Time#millis()}), for listings of calls in flight; {@link #NOT_STARTED} before. */
	long startedAt = NOT_STARTED;

	static final long NOT_STARTED = Long.MIN_VALUE;

	/** When it entered its actor's mailbox ({@link io.xoscar.internal.time.Time#millis()}), for backlog alerts and {@link #boundByNode}. */
	long queuedAt;

	/**
	 * Whether the node's call timeout bounds this call's future (no timeout was chosen for it or its
	 * method): the watchdog fails the call once that much time has passed since {@link #queuedAt}.
	 * A timer per call would cost an in-JVM call more than the call itself; a flag keeps the call
	 * within its size.
	 */
	boolean boundByNode;

	/** Who made it: the calling actor's {@link Call}, a {@link Thread}, or a remote caller ({@link Callers}). */
	Object caller;

	/**
	 * The last call it made (a {@link Call} of this JVM, or a remote one), or the call whose future it
	 * joins while it does: for alerts while it awaits a result, and for the wait-for check.
	 */
	Object outgoing;

	/** The alert raised about it (for its wait in the mailbox, then for its run), or {@code null}. */
	volatile Alert alert;

	/** Where it is listed among its actor's concurrent calls, -1 if not. */
	int slot = -1;

	/** Where it is counted for metrics, if it is. */
	private MethodCalls metered;

	/** When it started, if it is one of the calls timed for metrics ({@link MethodCalls#sample()}). */
	private long timedFrom;

	private boolean timed;

	private volatile CompletableFuture<?> awaited;

	private Call(ActorCell cell, String method, Invocable single, Object[] args, CallBatch batch, boolean reply,
			CallChain chain, CallerObservation callerObservation) {
		this.cell = cell;
		this.chain = chain;
		this.callerObservation = callerObservation;
		this.method = method;
		this.single = single;
		this.args = args;
		this.batch = batch;
		this.reply = reply ? new CallFuture(this) : null;
	}

	/**
	 * @param callerObservation what the call carries of its caller's observation, or {@code null}
	 */
	static Call single(ActorCell cell, Invocable target, Object[] args, boolean reply, CallChain chain,
			CallerObservation callerObservation) {
		return new Call(cell, target.name(), target, args, null, reply, chain, callerObservation);
	}

	/**
	 * @param batchMethod the batch implementation, or {@code null} to run {@code singles} one by one
	 * @param callerObservation what the batch carries of its caller's observation, or {@code null}
	 */
	static Call batch(ActorCell cell, String method, BatchMethod batchMethod, List<Invocable> singles,
			List<Object[]> args, boolean reply, CallChain chain, CallerObservation callerObservation) {
		return new Call(cell, method, null, null, new CallBatch(batchMethod, singles, args), reply, chain,
				callerObservation);
	}

	/** @return how the call was made, as the callee sees it */
	ActorCallKind kind() {
		if (this.single instanceof StreamingInvocable) {
			return ActorCallKind.STREAM;
		}
		if (this.single != null) {
			return (this.reply != null) ? ActorCallKind.CALL : ActorCallKind.TELL;
		}
		return (this.reply != null) ? ActorCallKind.BATCH : ActorCallKind.TELL_BATCH;
	}

	long chainId() {
		long id = this.chainId;
		if (id == 0) {
			synchronized (this) {
				id = this.chainId;
				if (id == 0) {
					id = CHAIN_IDS.incrementAndGet();
					this.chainId = id;
				}
			}
		}
		return id;
	}

	boolean hasChainId(long id) {
		return id != 0 && this.chainId == id;
	}

	/** @return whether the call waits: blocked in a call it made, or for its asynchronous result */
	boolean isWaiting() {
		CompletableFuture<?> future = this.awaited;
		return this.blocked || (future != null && !future.isDone());
	}

	/**
	 * What this call waits for, as far as the runtime knows: the call it is blocked on or whose
	 * future its method returned (a {@link Call} of this JVM, or a {@link Callers.RemoteCall}).
	 * @return that call, {@link #UNKNOWN_WAIT} when it awaits a future the runtime cannot trace to
	 * a call (such as one derived from a call's future), or {@code null} when it does not wait
	 */
	Object waitsFor() {
		if (this.blocked) {
			// the call it is blocked on: the one it made last, or the one whose future it joins
			Object last = this.outgoing;
			if (last instanceof Call call) {
				return call.isPending() ? call : null;
			}
			return (last instanceof Callers.RemoteCall remote && remote.isPending()) ? remote : UNKNOWN_WAIT;
		}
		CompletableFuture<?> future = this.awaited;
		if (future == null || future.isDone()) {
			return null;
		}
		Object last = this.outgoing;
		if (last instanceof Call call && call.reply == future) {
			return call;
		}
		if (last instanceof Callers.RemoteCall remote && remote.isAwaitedBy(future)) {
			return remote;
		}
		return UNKNOWN_WAIT;
	}

	/** @return whether its caller still waits for its result */
	boolean isPending() {
		return this.reply != null && !this.reply.isDone();
	}

	/** What {@link #waitsFor()} answers for a wait that cannot be traced to a call. */
	static final Object UNKNOWN_WAIT = new Object() {

		@Override
		public String toString() {
			return "a wait the runtime cannot trace";
		}

	};

	/** @return what it runs (for a batch: the batch implementation, or its first call's method) */
	Invocable invocable() {
		return (this.single != null) ? this.single : this.batch.invocable();
	}

	/** Counts this call for metrics (in its actor's pool group) when it ends; times it if it is sampled. */
	void meter() {
		this.metered = this.cell.meters[invocable().meterIndex()];
		if (MethodCalls.sample()) {
			this.timed = true;
			this.cell.sampledCallBy(this.caller);
			this.timedFrom = System.nanoTime();
		}
	}

	/** A stream's call sent an item: counted for metrics, if the call is. */
	void countItem() {
		if (this.metered != null) {
			this.metered.item();
		}
	}

	void recordMetrics(boolean success) {
		if (this.metered != null) {
			this.metered.record(success, this.timed ? System.nanoTime() - this.timedFrom : -1);
		}
	}

	/** The future the caller waits on, or {@code null} for a tell. */
	CallFuture reply() {
		return this.reply;
	}

	boolean noLock() {
		return this.single != null && this.single.noLock();
	}

	/** Runs a call that takes no actor lock (stateless actors, {@code @NoLock} methods). */
	@Override
	public void run() {
		this.cell.execute(this);
	}

	/**
	 * @return whether the call should run (it was not cancelled while queued)
	 */
	boolean start() {
		RUNNER.setRelease(this, Thread.currentThread());
		return (this.reply == null) || STATE.compareAndSet(this, QUEUED, RUNNING);
	}

	/** @return whether it left the mailbox (it ran, runs, or was cancelled) */
	boolean hasStarted() {
		return this.state != QUEUED;
	}

	/** @return the thread running the call, or {@code null} while it awaits an asynchronous result */
	Thread runner() {
		return (Thread) RUNNER.getAcquire(this);
	}

	/** Ends the synchronous part of a call, clearing an interrupt a cancellation may have sent. */
	void endRun() {
		if (this.reply == null) {
			RUNNER.setRelease(this, null);
			return;
		}
		if (!STATE.compareAndSet(this, RUNNING, DONE)) {
			while (this.state == INTERRUPTING) {
				Thread.onSpinWait();
			}
			Thread.interrupted();
		}
		RUNNER.setRelease(this, null);
	}

	/** The call's method returned a future; cancelling the call from now on cancels that future. */
	void await(CompletableFuture<?> future) {
		this.awaited = future;
		if (this.reply != null && this.reply.isCancelled()) {
			future.cancel(true);
		}
	}

	/**
	 * Fails a call still waiting in the mailbox; it will not run.
	 * @param reason what its caller gets
	 * @return whether it was still waiting (and is now failed)
	 */
	boolean dropWith(Throwable reason) {
		if (this.reply != null && STATE.compareAndSet(this, QUEUED, CANCELLED)) {
			this.reply.completeExceptionally(reason);
			return true;
		}
		return false;
	}

	/** Called when the caller cancels its future. */
	void cancel() {
		while (true) {
			int current = this.state;
			if (current == QUEUED && STATE.compareAndSet(this, QUEUED, CANCELLED)) {
				return;
			}
			if (current == RUNNING && STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
				this.runner.interrupt();
				this.state = CANCELLED;
				return;
			}
			if (current != QUEUED && current != RUNNING) {
				CompletableFuture<?> future = this.awaited;
				if (future != null) {
					future.cancel(true);
				}
				return;
			}
		}
	}

	/**
	 * @param actor the actor
	 * @return a value, or a {@code CompletionStage}/{@code Mono} of one
	 * @throws Throwable what the actor code threw
	 */
	Object invoke(AbstractActor actor) throws Throwable {
		if (this.single != null) {
			return this.single.invoke(actor, this.args);
		}
		return this.batch.invoke(actor);
	}

	void complete(Object value) {
		if (this.reply != null) {
			this.reply.complete(value);
		}
	}

	/** Fails the call; an error nobody will see (a tell's, or one whose caller gave up) is logged. */
	void fail(Throwable error) {
		if (this.reply == null) {
			this.cell.logUnhandled(this, error, "a tell");
		}
		else if (!this.reply.completeExceptionally(error) && !this.reply.isCancelled()
				&& !(error instanceof InterruptedException) && !(error instanceof java.util.concurrent.CancellationException)) {
			this.cell.logUnhandled(this, error, "its caller had given up");
		}
	}

}
