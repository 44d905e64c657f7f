package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.call.Deadlines;
import io.xoscar.internal.call.HandedOver;
import io.xoscar.internal.call.LocalActor;
import io.xoscar.internal.call.StreamIdleTimeout;
import io.xoscar.internal.reflect.Streams;
import io.xoscar.internal.call.Timeout;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.BatchMethod;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodInfo;
import io.xoscar.internal.time.Time;

/**
 * The caller's side of an actor of this JVM: the {@link io.xoscar.internal.call.CallTarget} its
 * handles use. It resolves the method, builds the {@link Call} (who made it, its chain), bounds the
 * caller's wait by the call's deadline and hands the call to the {@link ActorCell}, as it is, without
 * copying or serializing its arguments. The cell, the callee's side, only runs calls.
 */
final class LocalTarget implements LocalActor {

	private final ActorCell cell;

	private final ActorClassInfo info;

	/** Whether calls made by and to the actor carry a {@link CallChain}. */
	private final boolean detectsDeadlocks;

	/** Ends calls whose time is up. */
	private final Deadlines deadlines;

	private final Watchdog watchdog;

	private final Time time;

	LocalTarget(ActorCell cell, CellServices services) {
		this.cell = cell;
		this.info = cell.info;
		this.detectsDeadlocks = services.detectsDeadlocks();
		this.deadlines = services.deadlines();
		this.watchdog = services.watchdog();
		this.time = services.time();
	}

	/** @return the callee's side */
	ActorCell cell() {
		return this.cell;
	}

	@Override
	public ActorClassInfo info() {
		return this.info;
	}

	@Override
	public String poolAddress() {
		return this.cell.pool.address();
	}

	@Override
	public String address() {
		return this.cell.pool.address();
	}

	@Override
	public boolean isValid() {
		return this.cell.isAlive();
	}

	@Override
	public Class<?> actorClass() {
		return this.info.type();
	}

	@Override
	public String describe(String method) {
		return this.cell.describe(method);
	}

	@Override
	public CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		Invocable target;
		try {
			refuseIfShuttingDown(method);
			target = this.info.resolve(method, args);
			refuseIfStream(target);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Call current = this.detectsDeadlocks ? Running.current() : null;
		Call call = made(Call.single(this.cell, target, args, true, CallChain.of(current), observed), current);
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
		this.cell.dispatch(call);
		return this.deadlines.bound(call.reply(), chosen, () -> this.cell.describe(call.method), () -> CallProgress.whereStuck(this.cell, call));
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
		String refused = this.cell.refusal();
		if (refused != null && chain == null) {
			// from another process, and not for an actor of the node's that waits
			return CompletableFuture.failedFuture(refusedCall(refused, target.name()));
		}
		try {
			refuseIfStream(target);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CallChain received = (chain != null && reply && this.detectsDeadlocks) ? CallChain.of(chain) : null;
		Call call;
		if (received != null || caller != null) {
			call = Call.single(this.cell, target, args, reply, received, observed);
			call.caller = caller;
			if (received != null) {
				call.queuedAt = this.time.millis();
				this.watchdog.acrossProcesses().arrived(call);
			}
		}
		else {
			Call current = (reply && this.detectsDeadlocks) ? Running.current() : null;
			call = made(Call.single(this.cell, target, args, reply, CallChain.of(current), observed), current);
		}
		this.cell.dispatch(call);
		return reply ? call.reply() : CompletableFuture.completedFuture(null);
	}

	@Override
	public Object call(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		refuseIfShuttingDown(method);
		Invocable target = this.info.resolve(method, args);
		refuseIfStream(target);
		// a timeout chosen for the call or its method can only bound it on a pool thread, never inline
		Duration chosen = timeout.chosenFor(target);
		Duration bound = (chosen != null) ? chosen : timeout.fallback();
		// the caller's actor (if one runs here) waits from before the call is sent: a callee can't miss it
		Running.Slot here = this.detectsDeadlocks ? Running.slot() : null;
		Call waiter = (here != null) ? here.call : null;
		Call call = made(Call.single(this.cell, target, args, true, CallChain.of(waiter), observed), waiter);
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
		if (!(inline && this.cell.pool.mayRunOnCurrentThread() && this.cell.tryRunHere(call, here))) {
			this.cell.dispatch(call);
		}
		return this.deadlines.await(call.reply(), timeout, () -> this.cell.describe(call.method), () -> CallProgress.whereStuck(this.cell, call));
	}

	/**
	 * Fails a call made from outside the node's actors while the node shuts down (calls its actors
	 * make, on their pools' threads, still run: they may be what ends a call in flight).
	 */
	private void refuseIfShuttingDown(String method) {
		String refused = this.cell.refusal();
		if (refused != null && !(Thread.currentThread() instanceof ThreadActorPool.Worker)) {
			throw refusedCall(refused, method);
		}
	}

	private PoolDownException refusedCall(String why, String method) {
		return new PoolDownException(why + ": new calls are refused (" + this.cell.describe(method) + ")");
	}

	@Override
	public Flux<Object> stream(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		Invocable target;
		try {
			refuseIfShuttingDown(method);
			target = this.info.resolve(method, args);
			refuseIfNoStream(target);
		}
		catch (RuntimeException ex) {
			return Flux.error(ex);
		}
		Flux<Object> items = Flux.from((subscriber) -> {
			Call current = this.detectsDeadlocks ? Running.current() : null;
			startStream(Operators.toCoreSubscriber(subscriber), target, args, (relay) -> made(
					Call.single(this.cell, new StreamingInvocable(target, relay), args, true, CallChain.of(current), observed),
					current));
		});
		return StreamIdleTimeout.bound(items, timeout.of(target), this.deadlines, () -> this.cell.describe(method));
	}

	@Override
	public Flux<Object> stream(Invocable target, Object[] args, List<ChainLink> chain, Object caller,
			CallerObservation observed) {
		try {
			refuseIfNoStream(target);
		}
		catch (RuntimeException ex) {
			return Flux.error(ex);
		}
		return Flux.from((subscriber) -> startStream(Operators.toCoreSubscriber(subscriber), target, args, (relay) -> {
			CallChain received = (chain != null && this.detectsDeadlocks) ? CallChain.of(chain) : null;
			Call call = Call.single(this.cell, new StreamingInvocable(target, relay), args, true, received, observed);
			call.caller = caller;
			if (received != null) {
				call.queuedAt = this.time.millis();
				this.watchdog.acrossProcesses().arrived(call);
			}
			return call;
		}));
	}

	/** Makes the stream's call once its subscriber is there, and hands it to the cell. */
	private void startStream(CoreSubscriber<? super Object> subscriber, Invocable target, Object[] args,
			Function<StreamRelay, Call> calls) {
		StreamRelay relay = new StreamRelay(subscriber, this.cell.pool);
		subscriber.onSubscribe(relay);
		Call call = calls.apply(relay);
		call.queuedAt = this.time.millis();
		relay.made(call);
		this.cell.dispatch(call);
	}

	/** A method that declares a stream is called as one, not for one result. */
	private void refuseIfStream(Invocable target) {
		if (target instanceof MethodInfo method && method.returnsStream()) {
			throw new IllegalArgumentException(this.cell.describe(target.name()) + " returns a stream ("
					+ method.method().getReturnType().getSimpleName() + "): call it with stream(..), or through a typed "
					+ "proxy method returning a Flux");
		}
	}

	/** A method that declares a result other than a stream is not called as one. */
	private void refuseIfNoStream(Invocable target) {
		if (target instanceof MethodInfo method && !Streams.mayStream(method.method())) {
			throw new IllegalArgumentException(this.cell.describe(target.name()) + " returns "
					+ method.method().getReturnType().getSimpleName()
					+ ", not a stream (a Flux, a java.util.stream.Stream or a Publisher): call it with send or call");
		}
	}

	@Override
	public CompletableFuture<Void> tell(String method, Object[] args, CallerObservation observed) {
		try {
			refuseIfShuttingDown(method);
			Call call = Call.single(this.cell, this.info.resolve(method, args), args, false, null, observed);
			call.caller = Callers.of(null);
			this.cell.dispatch(call);
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
		return batch(method, null, calls, reply, timeout, null, observed);
	}

	@Override
	public CompletableFuture<List<Object>> batch(String method, List<Invocable> resolved, List<Object[]> calls,
			boolean reply, Object caller, CallerObservation observed) {
		return batch(method, resolved, calls, reply, Timeout.RELAYED, caller, observed);
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<List<Object>> batch(String method, List<Invocable> resolved, List<Object[]> calls,
			boolean reply, Timeout timeout, Object caller, CallerObservation observed) {
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
			if (caller != null) {
				call = Call.batch(this.cell, method, batchMethod, singles, calls, reply, null, observed);
				call.caller = caller;
			}
			else {
				Call current = (reply && this.detectsDeadlocks) ? Running.current() : null;
				call = made(Call.batch(this.cell, method, batchMethod, singles, calls, reply, CallChain.of(current),
						observed), current);
			}
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (!reply) {
			this.cell.dispatch(call);
			return CompletableFuture.completedFuture(null);
		}
		return dispatchBounded(call, timeout).thenApply((results) -> (List<Object>) results);
	}

}
