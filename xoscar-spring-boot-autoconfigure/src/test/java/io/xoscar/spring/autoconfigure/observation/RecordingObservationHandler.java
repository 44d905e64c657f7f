package io.xoscar.spring.autoconfigure.observation;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the names of the observations that stopped.
 */
class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

	private final Queue<String> stopped = new ConcurrentLinkedQueue<>();

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context.getName());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	List<String> stopped() {
		return List.copyOf(this.stopped);
	}

}
