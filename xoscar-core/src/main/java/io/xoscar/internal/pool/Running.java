package io.xoscar.internal.pool;

/**
 * The call an actor runs on the current thread, so that calls it makes carry their
 * {@link CallChain}. Callers look the slot up once per call. A pool thread has its slot in a field;
 * other threads (blocking callers that run an idle actor's call themselves) in a thread local,
 * found through a small table indexed by thread id first: a thread-local lookup walks a probe
 * sequence when the thread's map is crowded (measured: detection's cost on an inline {@code call}
 * went from 10 % to 6 %). The table keeps at most 256 threads reachable after they end.
 */
final class Running {

	private static final ThreadLocal<Slot> SLOTS = ThreadLocal.withInitial(Slot::new);

	/** By thread id: the slots of threads seen lately (an entry names its thread, so a stale one misses). */
	private static final Owned[] RECENT = new Owned[256];

	private Running() {
	}

	/** Where a thread keeps the call it runs. */
	static final class Slot {

		Call call;

	}

	/** A thread's slot, as the table keeps it (immutable, so that racing writers publish it safely). */
	private record Owned(Thread thread, Slot slot) {
	}

	static Slot slot() {
		Thread thread = Thread.currentThread();
		if (thread instanceof ThreadActorPool.Worker worker) {
			return worker.slot;
		}
		@SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
		int index = (int) thread.getId() & (RECENT.length - 1);
		Owned owned = RECENT[index];
		if (owned != null && owned.thread == thread) {
			return owned.slot;
		}
		Slot slot = SLOTS.get();
		RECENT[index] = new Owned(thread, slot);
		return slot;
	}

	static Call current() {
		return slot().call;
	}

}
