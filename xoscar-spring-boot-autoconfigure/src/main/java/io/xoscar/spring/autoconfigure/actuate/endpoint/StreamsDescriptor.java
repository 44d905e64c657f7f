package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The open streams of the node and its process pools: the {@code streams} section of the
 * {@code xoscar} endpoint.
 *
 * @param address the address of its main pool
 * @param streams the open streams, oldest first
 * @param unlisted pools whose actors could not be listed, with the reason, or {@code null} if none
 */
public record StreamsDescriptor(String address, List<StreamDescriptor> streams,
		@Nullable Map<String, String> unlisted) implements OperationResponseBody {
}
