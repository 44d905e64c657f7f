package io.xoscar.internal.transport;

import java.util.List;
import java.util.Map;

import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.ChainLink;

/**
 * A frame being sent. {@link Inbound} is the same frame as it is received, with the payload still
 * undecoded until the receiver knows the types it wants.
 *
 * @param op what the frame is ({@link Op})
 * @param id the request id the answer refers to
 * @param target the pool address a request is for
 * @param uid the actor uid
 * @param name the method (or, for a create, the actor class) name
 * @param signature the parameter type names the caller resolved, or {@code null}
 * @param payload arguments (an array, or an array of arrays for a batch) or a result
 * @param error the exception of an {@link Op#ERROR}
 * @param chain the stateful actors waiting on a call ({@link io.xoscar.internal.pool.CallChain}), or
 * {@code null}
 * @param headers what a call carries of its caller's observation (trace context), or {@code null}
 * @param origin who made a call, for the callee's alerts, or {@code null}
 */
record Outbound(int op, long id, String target, String uid, String name, List<String> signature, Object payload,
		ErrorInfo error, List<ChainLink> chain, Map<String, String> headers, CallOrigin origin) {

	static Outbound request(int op, long id, String target, String uid, String name, List<String> signature,
			Object payload) {
		return request(op, id, target, uid, name, signature, payload, null, null, null);
	}

	static Outbound request(int op, long id, String target, String uid, String name, List<String> signature,
			Object payload, List<ChainLink> chain, Map<String, String> headers, CallOrigin origin) {
		return new Outbound(op, id, target, uid, name, signature, payload, null, chain, headers, origin);
	}

	static Outbound result(long id, Object value) {
		return new Outbound(Op.RESULT, id, null, null, null, null, value, null, null, null, null);
	}

	static Outbound error(long id, ErrorInfo error) {
		return new Outbound(Op.ERROR, id, null, null, null, null, null, error, null, null, null);
	}

}
