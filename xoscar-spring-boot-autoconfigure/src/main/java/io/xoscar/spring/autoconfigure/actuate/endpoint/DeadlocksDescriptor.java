package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The deadlocks of the node: the {@code deadlocks} section of the {@code xoscar} endpoint.
 *
 * @param address the address of its main pool
 * @param deadlocks the deadlocks detected in the node and its process pools, newest first
 */
public record DeadlocksDescriptor(String address, List<DeadlockDescriptor> deadlocks)
		implements OperationResponseBody {
}
