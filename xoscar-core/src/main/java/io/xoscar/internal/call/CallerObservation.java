package io.xoscar.internal.call;

import java.util.Map;

import io.micrometer.observation.Observation;

/**
 * What a call carries of its caller's observation to the callee: the observation itself (the
 * parent of the callee's, when both are in this JVM) and the headers its handlers wrote (the trace
 * context, which is what travels over the wire).
 *
 * @param observation the caller's started observation, or {@code null} for a call that came over
 * the wire
 * @param headers the headers, never {@code null}
 */
public record CallerObservation(Observation observation, Map<String, String> headers) {

	/**
	 * @param headers the headers a request from another process carried, or {@code null}
	 * @return what the callee's observation continues, or {@code null} when the request carried none
	 */
	public static CallerObservation received(Map<String, String> headers) {
		return (headers != null) ? new CallerObservation(null, headers) : null;
	}

	/**
	 * @return the headers to send with the call, or {@code null} when there are none (nothing then
	 * goes on the wire)
	 */
	public Map<String, String> headersToSend() {
		return this.headers.isEmpty() ? null : this.headers;
	}

}
