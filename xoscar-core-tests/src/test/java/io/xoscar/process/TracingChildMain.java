package io.xoscar.process;

import java.util.concurrent.CountDownLatch;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import io.xoscar.ActorSystem;
import io.xoscar.ProcessPoolChild;
import io.xoscar.observation.ActorCallServerContext;

/**
 * A process pool main whose node observes calls: a handler reads the trace id the caller's
 * observation sent ({@link #TRACE_HEADER}) into the callee's observation, as a tracer's propagating
 * handler would continue the caller's trace.
 */
public final class TracingChildMain {

	/** The header the caller's test handler writes. */
	static final String TRACE_HEADER = "x-test-trace-id";

	/** Where the handler keeps what it read, in the callee's observation. */
	static final String RECEIVED = "received-trace-id";

	/** The child node's registry (set in the child JVM only). */
	static volatile ObservationRegistry registry;

	private TracingChildMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ProcessPoolChild.Arguments arguments = ProcessPoolChild.parse(args);
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new TraceIdReader());
		registry = observations;
		ActorSystem system = ActorSystem.create(arguments.config().observationRegistry(observations).build());
		ProcessPoolChild.ready(system);
		new CountDownLatch(1).await();
	}

	/** @return the trace id the observation current on this thread received, or "none" */
	static String receivedTraceId() {
		Observation current = registry.getCurrentObservation();
		if (current == null) {
			return "no observation";
		}
		return current.getContextView().getOrDefault(RECEIVED, "none");
	}

	private static final class TraceIdReader implements ObservationHandler<ActorCallServerContext> {

		@Override
		public void onStart(ActorCallServerContext context) {
			String traceId = context.getGetter().get(context.getCarrier(), TRACE_HEADER);
			if (traceId != null) {
				context.put(RECEIVED, traceId);
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ActorCallServerContext;
		}

	}

}
