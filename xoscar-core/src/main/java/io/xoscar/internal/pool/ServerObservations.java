package io.xoscar.internal.pool;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.internal.call.CallerObservation;
import io.xoscar.observation.ActorCallServerContext;
import io.xoscar.observation.DefaultActorCallServerConvention;

/**
 * Makes the {@link io.xoscar.observation.ActorCallObservation#SERVER} observation of each call the
 * actors of a node run, when the node has an observation registry.
 */
final class ServerObservations {

	private static final Logger logger = LoggerFactory.getLogger(ServerObservations.class);

	private final ObservationRegistry registry;

	private ServerObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param registry the node's observation registry, or {@code null}
	 * @return the observations of the node's actors' calls, or {@code null} when it makes none
	 */
	static ServerObservations of(ObservationRegistry registry) {
		return (registry == null || registry == ObservationRegistry.NOOP) ? null : new ServerObservations(registry);
	}

	/**
	 * Starts the observation of a call about to run, continuing its caller's; a failing handler is
	 * logged, and the call runs unobserved.
	 * @param call the call
	 * @param cell its actor
	 * @return the started observation, or {@code null} when the call is not observed (a registry
	 * without handlers, or a predicate that turns it off)
	 */
	Observation start(Call call, ActorCell cell) {
		if (this.registry.isNoop()) {
			return null;
		}
		try {
			Observation observation = observe(call, cell);
			return observation.isNoop() ? null : observation.start();
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to start the observation of {}", cell.describe(call.method), ex);
			return null;
		}
	}

	/** @return the call's observation, not started; a no-op one when a predicate turns it off */
	private Observation observe(Call call, ActorCell cell) {
		CallerObservation caller = call.callerObservation;
		ActorCallServerContext context = new ActorCallServerContext((caller != null) ? caller.headers() : Map.of(),
				cell.info.type(), cell.uid, cell.poolAddress(), call.method, call.kind());
		if (caller != null && caller.observation() != null) {
			context.setParentObservation(caller.observation());
		}
		return Observation.createNotStarted(null, DefaultActorCallServerConvention.INSTANCE, () -> context,
				this.registry);
	}

	/**
	 * Stops an observation; a failing handler is logged, so that the call still completes.
	 * @param observation a started observation
	 * @param error what the call failed with, or {@code null}
	 */
	static void stop(Observation observation, Throwable error) {
		try {
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to stop {}", observation, ex);
		}
	}

}
