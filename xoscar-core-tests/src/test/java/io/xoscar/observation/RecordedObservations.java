package io.xoscar.observation;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the observations of actor calls a registry starts, and which of them stopped.
 */
public final class RecordedObservations implements ObservationHandler<Observation.Context> {

	private final Queue<Observation.Context> started = new ConcurrentLinkedQueue<>();

	private final Set<Observation.Context> stopped = ConcurrentHashMap.newKeySet();

	@Override
	public void onStart(Observation.Context context) {
		this.started.add(context);
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ActorCallClientContext || context instanceof ActorCallServerContext;
	}

	/** @return the caller's side of the calls of a method, in the order they started */
	public List<ActorCallClientContext> clients(String method) {
		return this.started.stream()
			.filter((context) -> context instanceof ActorCallClientContext client && client.getMethod().equals(method))
			.map(ActorCallClientContext.class::cast)
			.toList();
	}

	/** @return the callee's side of the calls of a method, in the order they started */
	public List<ActorCallServerContext> servers(String method) {
		return this.started.stream()
			.filter((context) -> context instanceof ActorCallServerContext server && server.getMethod().equals(method))
			.map(ActorCallServerContext.class::cast)
			.toList();
	}

	public List<Observation.Context> all() {
		return List.copyOf(this.started);
	}

	public boolean isStopped(Observation.Context context) {
		return this.stopped.contains(context);
	}

	/** @return whether every observation started so far has stopped */
	public boolean allStopped() {
		return this.stopped.containsAll(this.started);
	}

}
