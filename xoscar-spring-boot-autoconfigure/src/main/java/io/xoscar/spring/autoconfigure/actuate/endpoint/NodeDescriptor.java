package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The node, as the {@code xoscar} endpoint shows it (the whole report and the {@code pools}
 * section).
 *
 * @param address the address of its main pool
 * @param pools its pools, the main pool first
 */
public record NodeDescriptor(String address, List<PoolDescriptor> pools) implements OperationResponseBody {
}
