package io.xoscar.benchmarks;

import java.time.Duration;
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

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.recovery.RestartLimits;

/**
 * How long a plain process pool takes to recover from {@code kill -9}: from the kill of its child JVM
 * to the first successful call through a handle taken before it (the death noticed, a new child
 * started at the same address, the actor re-created, the call answered). Restarts are not limited
 * and have no backoff here, so that every kill measures a first restart.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ProcessPoolRecovery {

	private ActorSystem system;

	private ActorHandle<Counter> counter;

	@Setup(Level.Trial)
	public void start() {
		this.system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.callTimeout(Systems.TIMEOUT)
			.pool(PoolConfig.process("child").threads(1).jvmArgs(Systems.CHILD_JVM_ARGS.toArray(String[]::new)))
			.processRestartLimits(RestartLimits.DEFAULTS.withMaxRestarts(1000, Duration.ofMinutes(1))
				.withBackoff(Duration.ZERO, Duration.ZERO))
			.build());
		this.counter = this.system.createActor(Counter.class, CreateOptions.uid("counter").placement(Placement.pool(1)))
			.join();
	}

	/** The child answers before each kill. */
	@Setup(Level.Iteration)
	public void childUp() {
		this.counter.method("add").<Long>call(1L);
	}

	@Benchmark
	public long killAndCall() {
		ProcessHandle.of(this.system.pools().get(1).pid()).orElseThrow().destroyForcibly();
		while (true) {
			try {
				return this.counter.method("add").<Long>call(1L);
			}
			catch (PoolDownException ex) {
				// lost in the crash, or made just before the death was noticed: again
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.system.close();
	}

}
