package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * The in-JVM cost of the node's own call meters ({@code meterRegistry}: every call counted, 1 in
 * 16 timed, and since the dashboard's call graph also counted by caller, with its latency in a
 * histogram): the calls of {@code SequentialSend.xoscarCall} ({@code call}) and
 * {@code TellThroughput.xoscarTell} ({@code tell}) with {@code meters} = {@code off} (no registry)
 * or {@code on} (a {@code SimpleMeterRegistry}). Score: calls/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class MeteredCalls {

	static final int TELLS = 10_000;

	@State(Scope.Benchmark)
	public static class Nodes {

		@Param({ "off", "on" })
		public String meters;

		ActorSystem system;

		ActorMethod add;

		ActorMethod get;

		@Setup(Level.Trial)
		public void start() {
			this.system = ActorSystem.create(ActorSystemConfig.builder()
				.mainPoolThreads(Systems.THREADS)
				.callTimeout(Systems.TIMEOUT)
				.meterRegistry(this.meters.equals("on") ? new SimpleMeterRegistry() : null)
				.build());
			ActorHandle<Counter> counter = this.system.createActor(Counter.class, CreateOptions.uid("counter")).join();
			this.add = counter.method("add");
			this.get = counter.method("get");
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.system.close();
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
