package io.xoscar.internal.pool;

/**
 * The call an actor runs on the current thread, so that calls it makes carry their
 * {@link CallChain}. A pool thread keeps it in a field of its own; other threads (blocking callers
 * that run an idle actor's call themselves) in a thread local.
 */
final class Running {

	private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

	private Running() {
	}

	static Call current() {
		return (Thread.currentThread() instanceof ThreadActorPool.Worker worker) ? worker.running : CURRENT.get();
	}

	/** @return the call it replaces, to give back to {@link #exit(Call)} */
	static Call enter(Call call) {
		if (Thread.currentThread() instanceof ThreadActorPool.Worker worker) {
			Call outer = worker.running;
			worker.running = call;
			return outer;
		}
		Call outer = CURRENT.get();
		CURRENT.set(call);
		return outer;
	}

	static void exit(Call outer) {
		if (Thread.currentThread() instanceof ThreadActorPool.Worker worker) {
			worker.running = outer;
		}
		else if (outer == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(outer);
		}
	}

}
