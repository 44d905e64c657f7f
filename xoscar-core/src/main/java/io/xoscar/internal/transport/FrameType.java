package io.xoscar.internal.transport;

/**
 * What a frame asks for or answers, with its code on the wire and whether it expects an answer.
 * <p>
 * Codes 1-29 are requests and answers; 30-39 are for the connection itself ({@link #HELLO} now, the
 * handshake frames of later versions next to it); 40-49 are for streams.
 */
enum FrameType {

	CALL(1, true),

	TELL(2, false),

	BATCH(3, true),

	TELL_BATCH(4, false),

	CANCEL(5, false),

	CREATE(10, true),

	DESTROY(11, true),

	HAS(12, true),

	KILL(13, true),

	RESOLVE(14, true),

	ACTORS(15, true),

	/** A process pool's node tells its parent what it detected (a deadlock, an alert). */
	REPORT(16, false),

	/** A parent asks one of its process pools for its {@link io.xoscar.internal.pool.PoolStatus}. */
	STATUS(17, true),

	RESULT(20, false),

	ERROR(21, false),

	/** The first frame each side of a connection sends: the wire protocol version it speaks. */
	HELLO(30, false),

	/** A call of a method returning a stream: answered with {@link #ITEMS}, then an {@link #END} or an {@link #ERROR}. */
	STREAM(40, true),

	/** Items of a stream, as many as the caller's {@link #DEMAND} allows. */
	ITEMS(41, false),

	/** The caller of a stream wants that many more items. */
	DEMAND(42, false),

	/** A stream completed: no more items follow. */
	END(43, false);

	private static final FrameType[] BY_CODE = new FrameType[50];

	static {
		for (FrameType type : values()) {
			BY_CODE[type.code] = type;
		}
	}

	private final int code;

	private final boolean expectsReply;

	FrameType(int code, boolean expectsReply) {
		this.code = code;
		this.expectsReply = expectsReply;
	}

	/** @return the code the frame starts with on the wire */
	int code() {
		return this.code;
	}

	/** @return whether the receiver answers the frame (with a {@link #RESULT} or an {@link #ERROR}) */
	boolean expectsReply() {
		return this.expectsReply;
	}

	/**
	 * @param code a code read from the wire
	 * @return its type, or {@code null} if there is none
	 */
	static FrameType of(int code) {
		return (code >= 0 && code < BY_CODE.length) ? BY_CODE[code] : null;
	}

}
