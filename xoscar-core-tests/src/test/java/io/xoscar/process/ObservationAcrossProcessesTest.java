package io.xoscar.process;

import java.util.List;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.ProcessPoolMain;
import io.xoscar.observation.ActorCallClientContext;
import io.xoscar.observation.ActorCallKind;
import io.xoscar.observation.RecordedObservations;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call to an actor in a process pool (another JVM) carries the headers its caller's observation
 * wrote, and the callee's observation there receives them: the trace continues in the child.
 */
class ObservationAcrossProcessesTest {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.pool(PoolConfig.process("traced").jvmArgs("-Xmx96m"))
		.configure((config) -> config.observationRegistry(this.registry)
			.processPoolMain(new ProcessPoolMain(TracingChildMain.class.getName(), List.of())))
		.build();

	/** Runs in the child: answers with what the observation of its own call received. */
	public static class TraceProbe extends Actor {

		private String told = "nothing told";

		public String receivedTraceId() {
			return TracingChildMain.receivedTraceId();
		}

		public void remember() {
			this.told = TracingChildMain.receivedTraceId();
		}

		public String remembered() {
			return this.told;
		}

	}

	@Test
	void aProcessPoolContinuesTheCallersTrace() {
		String traceId = UUID.randomUUID().toString();
		RecordedObservations recorded = new RecordedObservations();
		this.registry.observationConfig().observationHandler(new TraceIdWriter(traceId)).observationHandler(recorded);
		ActorSystem system = this.xoscar.system();
		ActorHandle<TraceProbe> probe = system
			.createActor(TraceProbe.class, CreateOptions.uid("probe").placement(Placement.pool(1)))
			.join();
		ActorMethod received = probe.method("receivedTraceId");
		assertThat(received.<String>call()).isEqualTo(traceId);
		assertThat(received.<String>send().join()).isEqualTo(traceId);
		assertThat(received.<String>batch(received.delay(), received.delay()).join()).containsExactly(traceId,
				traceId);
		probe.method("remember").tell().join();
		assertThat(probe.method("remembered").<String>call()).isEqualTo(traceId);
		await().until(recorded::allStopped);
		assertThat(recorded.clients("receivedTraceId")).extracting(ActorCallClientContext::getCallKind)
			.containsExactly(ActorCallKind.CALL, ActorCallKind.SEND, ActorCallKind.BATCH);
		assertThat(recorded.servers("receivedTraceId")).as("the callee's side is observed in the child").isEmpty();
	}

	/** Writes a trace id into every call's headers, as a tracer's propagating handler would. */
	private static final class TraceIdWriter implements ObservationHandler<ActorCallClientContext> {

		private final String traceId;

		TraceIdWriter(String traceId) {
			this.traceId = traceId;
		}

		@Override
		public void onStart(ActorCallClientContext context) {
			context.getSetter().set(context.getCarrier(), TracingChildMain.TRACE_HEADER, this.traceId);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ActorCallClientContext;
		}

	}

}
