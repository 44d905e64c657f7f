package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The slow-call and backlog alerts of the node: the {@code slowcalls} section of the
 * {@code xoscar} endpoint.
 *
 * @param address the address of its main pool
 * @param active alerts whose call still runs (or, for a backlog, still waits), newest first
 * @param ended alerts whose call has ended (for a backlog: has started), newest first
 */
public record SlowCallsDescriptor(String address, List<SlowCallDescriptor> active,
		List<SlowCallDescriptor> ended) implements OperationResponseBody {
}
