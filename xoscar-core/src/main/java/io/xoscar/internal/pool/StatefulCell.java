package io.xoscar.internal.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import reactor.util.concurrent.Queues;

import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.MethodCalls;

/**
 * A stateful actor: one call at a time, in mailbox order. Whoever takes the actor's lock (a pool
 * thread, or a blocking caller finding the actor idle) runs calls until the mailbox is empty or a
 * fair share is done; an asynchronous call keeps the lock until its future completes.
 * {@code @NoLock} calls bypass the mailbox.
 */
final class StatefulCell extends ActorCell implements Runnable {

	/** Calls one turn on a pool thread may run before letting other actors have the thread. */
	private static final int THROUGHPUT = 64;

	private static final VarHandle LOCKED;


	static {
		try {
			LOCKED = MethodHandles.lookup().findVarHandle(StatefulCell.class, "locked", int.class);

		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Queue<Call> mailbox = Queues.<Call>unboundedMultiproducer().get();

	private volatile int locked;

	/** The call holding the lock (running, or awaiting its asynchronous result), and a count. */
	private final Holding holding = new Holding();

	StatefulCell(ThreadActorPool pool, String uid, ActorClassInfo info, ActorContext context, Placer.Slot slot,
			MethodCalls[] meters, CellServices services) {
		super(pool, uid, info, context, slot, meters, services);
	}

	@Override
	void dispatch(Call call) {
		if (call.noLock()) {
			this.pool.execute(call);
			return;
		}
		if (failsAsDeadlock(call)) {
			return;
		}
		call.queuedAt = this.time.millis();
		this.mailbox.offer(call);
		if (tryLock()) {
			this.pool.execute(this);
		}
	}

	@Override
	boolean tryRunHere(Call call, Running.Slot here) {
		if (call.noLock()) {
			execute(call, here);
			return true;
		}
		if (failsAsDeadlock(call)) {
			return true;
		}
		if (!this.mailbox.isEmpty() || !tryLock()) {
			return false;
		}
		CompletableFuture<Object> pending = execute(call, here);
		if (pending == null) {
			unlock();
		}
		else {
			pending.whenComplete((value, error) -> resume(value));
		}
		return true;
	}

	/** Runs queued calls while holding the lock (a pool thread's turn). */
	@Override
	public void run() {
		for (int i = 0; i < THROUGHPUT; i++) {
			Call call = this.mailbox.poll();
			if (call == null) {
				unlock();
				return;
			}
			CompletableFuture<Object> pending = execute(call);
			if (pending != null) {
				pending.whenComplete((value, error) -> resume(value));
				return;
			}
		}
		this.pool.execute(this);
	}

	/**
	 * The call holding the lock ended (an asynchronous one, or a failure whose restart is under way):
	 * the drain goes on once the restart it started, if any, is over.
	 * @param ended what the call's future gave: a restart under way, or nothing
	 */
	private void resume(Object ended) {
		CompletableFuture<Object> restart = ActorSupervisor.restartOf(ended);
		if (restart != null) {
			restart.whenComplete((value, error) -> this.pool.execute(this));
		}
		else {
			this.pool.execute(this);
		}
	}

	private boolean tryLock() {
		return this.locked == 0 && LOCKED.compareAndSet(this, 0, 1);
	}

	private void unlock() {
		this.locked = 0;
		if (!this.mailbox.isEmpty() && tryLock()) {
			this.pool.execute(this);
		}
	}

	/** A call that would wait for this actor while the actor waits for it fails at once. */
	private boolean failsAsDeadlock(Call call) {
		if (call.chain == null) {
			return false;
		}
		CallChain.Cycle cycle = call.chain.cycleTo(this, call);
		if (cycle == null) {
			return false;
		}
		call.fail(this.watchdog.cycles().deadlock(cycle, this));
		return true;
	}

	@Override
	boolean isInFlight(Call call) {
		return call.noLock() ? super.isInFlight(call) : this.holding.current() == call;
	}

	@Override
	void watch(Watchdog watchdog, long now) {
		super.watch(watchdog, now);
		Call holder = this.holding.current();
		if (holder != null) {
			watchdog.checkRunning(this, holder, now);
		}
		// from a thread other than the mailbox's consumer, peek may see a call just taken: the watchdog skips started ones
		Call head = this.mailbox.peek();
		watchdog.checkQueued(this, head, holder, now);
		if (head != null && holder != null && now - head.queuedAt >= WaitForGraph.QUEUED_MILLIS) {
			watchdog.waitsBehind(head);
		}
	}

	@Override
	Call lockHolder() {
		return this.holding.current();
	}

	@Override
	Call holderWithId(long id) {
		Call holder = this.holding.current();
		return (holder != null && holder.hasChainId(id)) ? holder : null;
	}

	@Override
	boolean holds(Call call) {
		return !call.noLock() && this.holding.current() == call;
	}

	@Override
	void track(Call call) {
		if (call.noLock()) {
			super.track(call);
		}
		else {
			this.holding.start(call);
		}
	}

	@Override
	void untrack(Call call) {
		if (call.noLock()) {
			super.untrack(call);
		}
		else {
			this.holding.end(call);
		}
	}

	@Override
	List<Call> inFlight() {
		List<Call> calls = super.inFlight();
		Call holder = this.holding.current();
		if (holder != null) {
			calls.add(0, holder);
		}
		return calls;
	}

	@Override
	public long calls() {
		return this.holding.calls() + super.calls();
	}

	@Override
	public int backlog() {
		return this.mailbox.size();
	}

	@Override
	void failQueued(RuntimeException reason) {
		Call call;
		while ((call = this.mailbox.poll()) != null) {
			call.fail(reason);
		}
	}

}
