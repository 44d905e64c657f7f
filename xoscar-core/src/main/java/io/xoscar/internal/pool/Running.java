package io.xoscar.internal.pool;

/**
 * The call an actor runs on the current thread, so that calls it makes carry their
 * {@link CallChain}. A pool thread has its slot in a field; other threads (blocking callers that run
 * an idle actor's call themselves) in a thread local. Callers look the slot up once per call.
 */
final class Running {

	private static final ThreadLocal<Slot> SLOTS = ThreadLocal.withInitial(Slot::new);

	private Running() {
	}

	/** Where a thread keeps the call it runs. */
	static final class Slot {

		Call call;

	}

	static Slot slot() {
		return (Thread.currentThread() instanceof ThreadActorPool.Worker worker) ? worker.slot : SLOTS.get();
	}

	static Call current() {
		return slot().call;
	}

}
