package io.xoscar.internal.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What a stateful actor's lock holder writes on every call: the call holding the lock and how many
 * have. It sits on a cache line of its own (padding through the class hierarchy, whose fields the
 * JVM lays out in order): callers read the actor's lock word on every send, and a line written per
 * call next to it would bounce between their cores.
 */
final class Holding extends HoldingFields {

	long q1, q2, q3, q4, q5, q6, q7, q8;

	private static final VarHandle CURRENT;

	private static final VarHandle CALLS;

	static {
		try {
			CURRENT = MethodHandles.lookup().findVarHandle(HoldingFields.class, "current", Call.class);
			CALLS = MethodHandles.lookup().findVarHandle(HoldingFields.class, "calls", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** A call takes the lock (written by the lock holder only). */
	void start(Call call) {
		CALLS.setOpaque(this, this.calls + 1);
		CURRENT.setRelease(this, call);
	}

	void end(Call call) {
		if (this.current == call) {
			CURRENT.setRelease(this, null);
		}
	}

	Call current() {
		return (Call) CURRENT.getAcquire(this);
	}

	long calls() {
		return (long) CALLS.getOpaque(this);
	}

}

abstract class HoldingPadding {

	long p1, p2, p3, p4, p5, p6, p7, p8;

}

abstract class HoldingFields extends HoldingPadding {

	Call current;

	long calls;

}
