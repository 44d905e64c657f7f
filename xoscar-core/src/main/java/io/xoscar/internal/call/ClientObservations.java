package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.observation.ActorCallClientContext;
import io.xoscar.observation.ActorCallKind;
import io.xoscar.observation.DefaultActorCallClientConvention;

/**
 * Makes the {@link io.xoscar.observation.ActorCallObservation#CLIENT} observation of each call
 * made through the handles of a node that has an observation registry.
 */
public final class ClientObservations {

	private static final Logger logger = LoggerFactory.getLogger(ClientObservations.class);

	private final ObservationRegistry registry;

	private ClientObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param registry the node's observation registry, or {@code null}
	 * @return the observations of the node's calls, or {@code null} when it makes none
	 */
	public static ClientObservations of(ObservationRegistry registry) {
		return (registry == null || registry == ObservationRegistry.NOOP) ? null : new ClientObservations(registry);
	}

	/**
	 * Starts the observation of a call about to be made.
	 * @param kind how it is made
	 * @param handle the callee
	 * @param method the method called
	 * @param parent the parent observation, or {@code null} for the calling thread's current one
	 * @return the started observation and the headers its handlers wrote, or {@code null} when the
	 * call is not observed (a registry without handlers, a predicate that turns it off, or a failing
	 * handler, which is logged: the call is made anyway)
	 */
	CallerObservation start(ActorCallKind kind, DefaultActorHandle<?> handle, String method, ObservationView parent) {
		if (this.registry.isNoop()) {
			return null;
		}
		ActorCallClientContext context = new ActorCallClientContext(handle.declaredClass(), handle.uid(),
				handle.address(), method, kind);
		if (parent != null) {
			context.setParentObservation(parent);
		}
		try {
			Observation observation = Observation.createNotStarted(null, DefaultActorCallClientConvention.INSTANCE,
					() -> context, this.registry);
			return observation.isNoop() ? null : new CallerObservation(observation.start(), context.getCarrier());
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to start the observation of {}.{}", handle, method, ex);
			return null;
		}
	}

	/**
	 * @return the observation current on this thread, the parent of a call that will be made later
	 * (a delayed tell)
	 */
	ObservationView current() {
		return this.registry.getCurrentObservation();
	}

	/**
	 * Stops the observation when the call's future completes (its scope must be closed by then).
	 * @return the future
	 */
	static <T> CompletableFuture<T> stopWhenDone(CallerObservation observed, CompletableFuture<T> future) {
		future.whenComplete((value, error) -> stop(observed, error));
		return future;
	}

	/**
	 * Stops a call's observation; a failing handler is logged, so that the caller still gets the
	 * call's own outcome.
	 * @param error what the call failed with, or {@code null}
	 */
	static void stop(CallerObservation observed, Throwable error) {
		Observation observation = observed.observation();
		try {
			if (error != null) {
				observation.error(unwrap(error));
			}
			observation.stop();
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to stop {}", observation, ex);
		}
	}

	private static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
