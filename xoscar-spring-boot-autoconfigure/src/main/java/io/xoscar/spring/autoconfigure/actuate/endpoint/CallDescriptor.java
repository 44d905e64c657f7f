package io.xoscar.spring.autoconfigure.actuate.endpoint;

import io.xoscar.ActorSystem.CallInfo;

/**
 * A call in flight, as the {@code xoscar} endpoint shows it.
 *
 * @param method the method called
 * @param ageMillis how long it has been running, in milliseconds (to about 10 ms)
 * @param state {@code running} on a thread or {@code awaiting} an asynchronous result
 * @param thread the thread running it, {@code null} while awaiting
 */
public record CallDescriptor(String method, long ageMillis, String state, String thread) {

	static CallDescriptor of(CallInfo call) {
		return new CallDescriptor(call.method(), call.age().toMillis(),
				(call.thread() != null) ? "running" : "awaiting", call.thread());
	}

}
