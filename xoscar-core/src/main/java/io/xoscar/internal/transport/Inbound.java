package io.xoscar.internal.transport;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.ChainLink;
import io.xoscar.internal.reflect.MethodInfo;

/**
 * A received frame; see {@link Outbound}. The payload stays a tree until it is decoded into the
 * parameter types of the chosen method, or into the type the caller expects.
 *
 * @param op what the frame is
 * @param id the request id
 * @param target the pool address
 * @param uid the actor uid
 * @param name the method or class name
 * @param signature parameter type names, or {@code null}
 * @param payload arguments or result
 * @param error the exception of an error frame
 * @param attachments byte arrays that travelled after the body ({@link Attachments})
 * @param chosen the overload a call was decoded for while reading, or {@code null}
 * @param decoded the arguments decoded while reading (an array, or a list of arrays for a batch),
 * or {@code null}: then the payload holds them as a tree
 * @param chain the call chain of a request, or {@code null}
 * @param headers what a request carries of its caller's observation (trace context), or {@code null}
 * @param origin who made a request, or {@code null} (a frame from an older sender, or no call)
 */
record Inbound(int op, long id, String target, String uid, String name, List<String> signature, JsonNode payload,
		ErrorInfo error, List<byte[]> attachments, MethodInfo chosen, Object decoded, List<ChainLink> chain,
		Map<String, String> headers, CallOrigin origin) {

	Inbound withAttachments(List<byte[]> attached) {
		return new Inbound(this.op, this.id, this.target, this.uid, this.name, this.signature, this.payload, this.error,
				attached, this.chosen, this.decoded, this.chain, this.headers, this.origin);
	}

}
