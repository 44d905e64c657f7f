package io.xoscar.internal.transport;

/**
 * What a frame asks for or answers.
 */
final class Op {

	static final int CALL = 1;

	static final int TELL = 2;

	static final int BATCH = 3;

	static final int TELL_BATCH = 4;

	static final int CANCEL = 5;

	static final int CREATE = 10;

	static final int DESTROY = 11;

	static final int HAS = 12;

	static final int KILL = 13;

	static final int RESOLVE = 14;

	static final int ACTORS = 15;

	/** A process pool's node tells its parent what it detected (a deadlock, an alert). */
	static final int REPORT = 16;

	/** A parent asks one of its process pools for its {@link io.xoscar.internal.pool.PoolStatus}. */
	static final int STATUS = 17;

	static final int RESULT = 20;

	static final int ERROR = 21;

	private Op() {
	}

	static boolean expectsReply(int op) {
		return op != TELL && op != TELL_BATCH && op != CANCEL && op != REPORT;
	}

}
