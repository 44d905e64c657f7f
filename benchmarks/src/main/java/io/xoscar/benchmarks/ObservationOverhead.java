package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;

/**
 * The in-JVM cost of observing calls ({@code observationRegistry}): the same calls as
 * {@code SequentialSend.xoscarCall} ({@code call}) and {@code TellThroughput.xoscarTell}
 * ({@code tell}) with {@code observations} = {@code none} (no registry), {@code no-handler} (a
 * registry without handlers: nothing is observed), {@code empty-handler} (a handler that does
 * nothing: the cost of the observations themselves, two per call) and {@code timers} (Micrometer's
 * {@code DefaultMeterObservationHandler} on a {@code SimpleMeterRegistry}, as Spring Boot's
 * actuator sets up: a timer and a long task timer per side). Score: calls/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class ObservationOverhead {

	static final int TELLS = 10_000;

	@State(Scope.Benchmark)
	public static class Nodes {

		@Param({ "none", "no-handler", "empty-handler", "timers" })
		public String observations;

		ActorSystem system;

		ActorMethod add;

		ActorMethod get;

		@Setup(Level.Trial)
		public void start() {
			this.system = ActorSystem.create(ActorSystemConfig.builder()
				.mainPoolThreads(Systems.THREADS)
				.callTimeout(Systems.TIMEOUT)
				.observationRegistry(registry(this.observations))
				.build());
			ActorHandle<Counter> counter = this.system.createActor(Counter.class, CreateOptions.uid("counter")).join();
			this.add = counter.method("add");
			this.get = counter.method("get");
		}

		private static ObservationRegistry registry(String observations) {
			if (observations.equals("none")) {
				return null;
			}
			ObservationRegistry registry = ObservationRegistry.create();
			if (observations.equals("empty-handler")) {
				registry.observationConfig().observationHandler(new EmptyHandler());
			}
			else if (observations.equals("timers")) {
				registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
			}
			return registry;
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.system.close();
		}

	}

	/** Observes everything and does nothing. */
	private static final class EmptyHandler implements ObservationHandler<Observation.Context> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	@Benchmark
	public long call(Nodes n) {
		return n.add.<Long>call(1L);
	}

	@Benchmark
	@OperationsPerInvocation(TELLS)
	public long tell(Nodes n) {
		for (int i = 0; i < TELLS; i++) {
			n.add.tell(1L);
		}
		return n.get.<Long>send().join();
	}

}
