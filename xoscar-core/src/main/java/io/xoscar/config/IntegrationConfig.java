package io.xoscar.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.xoscar.ActorFactory;
import io.xoscar.time.ActorClock;

/**
 * The seams where a framework or a test plugs into a node: part of an {@link ActorSystemConfig}.
 *
 * @param actorFactory makes the instances of actors created in this JVM
 * @param clock the time the node runs on (call deadlines, slow-call and backlog alerts, delayed calls,
 * time stamps of reports), or {@code null} for the machine's; a test gives a clock it advances itself
 */
public record IntegrationConfig(ActorFactory actorFactory, @Nullable ActorClock clock) {

	public IntegrationConfig {
		Objects.requireNonNull(actorFactory, "actorFactory");
	}

}
