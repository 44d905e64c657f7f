package io.xoscar.internal.pool;

import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.MethodCalls;

/**
 * A stateless actor: every call runs on its own, concurrently with the others, up to the pool's
 * thread count (plus blocking callers that run their call themselves).
 */
final class StatelessCell extends ActorCell {

	StatelessCell(ThreadActorPool pool, String uid, ActorClassInfo info, ActorContext context, Placer.Slot slot,
			MethodCalls[] meters, CellServices services) {
		super(pool, uid, info, context, slot, meters, services);
	}

	@Override
	void dispatch(Call call) {
		this.pool.execute(call);
	}

	@Override
	boolean tryRunHere(Call call, Running.Slot here) {
		execute(call, here);
		return true;
	}

	@Override
	public int backlog() {
		return 0;
	}

	@Override
	void failQueued(RuntimeException reason) {
		// calls already handed to the executor find the actor gone when they start
	}

}
