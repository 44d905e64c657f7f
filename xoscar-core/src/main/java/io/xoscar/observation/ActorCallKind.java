package io.xoscar.observation;

/**
 * How an actor call was made, as the {@code kind} key of its observations says it. The caller's
 * side knows the API it used; the callee's side only whether a result is awaited, so it says
 * {@link #CALL} for both {@code call} and {@code send}.
 */
public enum ActorCallKind {

	/** A blocking {@code call}; on the callee's side, any call whose result is awaited. */
	CALL("call"),

	/** An asynchronous {@code send} (also {@code mono} and typed proxy methods returning a future). */
	SEND("send"),

	/** A fire-and-forget {@code tell} (also {@code tellDelay}, when the call is made). */
	TELL("tell"),

	/** A {@code batch}: many calls of one method in one message. */
	BATCH("batch"),

	/** A {@code tellBatch}: a batch whose results nobody awaits. */
	TELL_BATCH("tell-batch"),

	/**
	 * A {@code stream}: a call of a method returning a stream, lasting until the stream ends (also
	 * typed proxy methods returning a {@code Flux}).
	 */
	STREAM("stream");

	private final String value;

	ActorCallKind(String value) {
		this.value = value;
	}

	/**
	 * @return the key value: {@code call}, {@code send}, {@code tell}, {@code batch}, {@code tell-batch}
	 * or {@code stream}
	 */
	public String value() {
		return this.value;
	}

}
