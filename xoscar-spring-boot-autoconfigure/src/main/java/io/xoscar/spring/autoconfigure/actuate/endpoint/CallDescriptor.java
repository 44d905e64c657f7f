package io.xoscar.spring.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.Nullable;

import io.xoscar.ActorSystem.CallInfo;

/**
 * A call in flight, as the {@code xoscar} endpoint shows it.
 *
 * @param method the method called
 * @param ageMillis how long it has been running, in milliseconds (to about 10 ms)
 * @param state {@code running} on a thread, {@code awaiting} an asynchronous result, or
 * {@code streaming} (a stream's call, open until the stream ends)
 * @param thread the thread running it, {@code null} while awaiting (or streaming off the actor's threads)
 * @param items for a stream, the items sent so far; {@code null} for other calls
 */
public record CallDescriptor(String method, long ageMillis, String state, @Nullable String thread,
		@Nullable Long items) {

	static CallDescriptor of(CallInfo call) {
		String state = call.stream() ? "streaming" : (call.thread() != null) ? "running" : "awaiting";
		return new CallDescriptor(call.method(), call.age().toMillis(), state, call.thread(),
				call.stream() ? call.items() : null);
	}

}
