package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

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

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;

/**
 * The in-JVM cost of deadlock detection: the same calls with {@code deadlockDetection} on and off.
 * {@code call}: sequential blocking calls from the JMH thread (as {@code SequentialSend.xoscarCall});
 * {@code tell}: tells then one call (as {@code TellThroughput.xoscarTell}); {@code nestedCall}: an
 * actor calling another actor {@value #NESTED} times in one method, so every call carries a chain
 * and is checked. Score: calls/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class DetectionOverhead {

	static final int TELLS = 10_000;

	static final int NESTED = 1_000;

	/** Calls {@link Counter#add} of another actor many times. */
	public static class Caller extends Actor {

		public long callMany(ActorHandle<Counter> counter, int times) {
			ActorMethod add = counter.method("add");
			long last = 0;
			for (int i = 0; i < times; i++) {
				last = add.<Long>call(1L);
			}
			return last;
		}

	}

	@State(Scope.Benchmark)
	public static class Nodes {

		@Param({ "true", "false" })
		public boolean deadlockDetection;

		ActorSystem system;

		ActorMethod add;

		ActorMethod get;

		ActorMethod callMany;

		ActorHandle<Counter> counter;

		@Setup(Level.Trial)
		public void start() {
			this.system = ActorSystem.create(ActorSystemConfig.builder()
				.mainPoolThreads(Systems.THREADS)
				.callTimeout(Systems.TIMEOUT)
				.deadlockDetection(this.deadlockDetection)
				.build());
			this.counter = this.system.createActor(Counter.class, CreateOptions.uid("counter")).join();
			this.add = this.counter.method("add");
			this.get = this.counter.method("get");
			this.callMany = this.system.createActor(Caller.class, CreateOptions.uid("caller")).join().method("callMany");
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

	@Benchmark
	@OperationsPerInvocation(NESTED)
	public long nestedCall(Nodes n) {
		return n.callMany.<Long>send(n.counter, NESTED).join();
	}

}
