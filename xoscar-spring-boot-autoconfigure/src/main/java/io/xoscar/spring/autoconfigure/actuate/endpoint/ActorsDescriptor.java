package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The actors of the node: the {@code actors} section of the {@code xoscar} endpoint.
 *
 * @param address the address of its main pool
 * @param actors its actors, pool by pool
 * @param unlisted pools whose actors could not be listed, with the reason, or {@code null} if none
 */
public record ActorsDescriptor(String address, List<ActorDescriptor> actors,
		Map<String, String> unlisted) implements OperationResponseBody {
}
