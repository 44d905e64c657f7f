package io.xoscar.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.xoscar.debug.DebugListener;

/**
 * What a node watches for and whom it tells: part of an {@link ActorSystemConfig}.
 *
 * @param slowCallThreshold how long a call may run before a slow-call alert is raised (with the
 * stack of its thread), unless its method declares its own ({@link io.xoscar.SlowCallThreshold})
 * @param backlogThreshold how long the oldest call of an actor's mailbox may wait before a backlog
 * alert is raised
 * @param history how many deadlock reports, and how many alerts, the node keeps
 * @param listeners hear about deadlocks and alerts
 * @param reportTo the node a process pool's node tells what it detects (its parent), or {@code null}
 */
public record DebugConfig(Duration slowCallThreshold, Duration backlogThreshold, int history,
		List<DebugListener> listeners, @Nullable String reportTo) {

	public DebugConfig {
		Durations.positive("slowCallThreshold", slowCallThreshold);
		Durations.positive("backlogThreshold", backlogThreshold);
		if (history < 1) {
			throw new IllegalArgumentException("debugHistory must be at least 1, was " + history);
		}
		listeners = List.copyOf(listeners);
	}

}
