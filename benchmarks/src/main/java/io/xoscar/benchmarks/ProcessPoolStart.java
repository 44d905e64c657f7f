package io.xoscar.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

/**
 * How long a plain process pool takes to start and answer: from asking for the pool to the first
 * answered call of an actor created in it (a child JVM started with {@link Systems#CHILD_JVM_ARGS},
 * its node bound, the actor constructed, one call over the Unix socket). This is the floor of
 * recovering a crashed process pool: a restart does at least this much. The pool is removed after
 * each measured start.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ProcessPoolStart {

	private ActorSystem system;

	private int started = -1;

	@Setup(Level.Trial)
	public void start() {
		this.system = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).callTimeout(Systems.TIMEOUT)
			.build());
	}

	@Benchmark
	public long startAndCall() {
		List<ActorSystem.PoolInfo> added = this.system.addPools(PoolConfig.process("child")
			.threads(1)
			.jvmArgs(Systems.CHILD_JVM_ARGS.toArray(String[]::new))).join();
		this.started = added.get(0).index();
		return this.system.createActor(Counter.class, CreateOptions.uid("counter").placement(Placement.pool(this.started)))
			.join()
			.method("add")
			.<Long>call(1L);
	}

	@TearDown(Level.Iteration)
	public void removePool() {
		if (this.started >= 0) {
			this.system.removePool(this.started).join();
			this.started = -1;
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.system.close();
	}

}
