package io.xoscar.benchmarks.spring;

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
import org.springframework.context.ConfigurableApplicationContext;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.benchmarks.Systems;
import io.xoscar.config.PoolConfig;

/**
 * How long a Spring child takes to start and answer, without a crash: {@code addPools} of a process
 * pool on the node of a Spring Boot application ({@link RecoveryApplication}, its {@code gpu} pool a
 * thread pool here), whose child JVM runs the application's context, then a {@link GpuCounter}
 * created there from its bean definition and one call. The Spring peer of {@code ProcessPoolStart}
 * and the floor of {@link SpringProcessPoolRecovery}. The pool is removed after each start; the fork
 * prints where each start's time went ({@link StartPhases}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class SpringProcessPoolStart {

	private ConfigurableApplicationContext context;

	private ActorSystem system;

	private final StartPhases phases = new StartPhases("addPools");

	private int started = -1;

	private ActorHandle<GpuCounter> counter;

	private long askedAt;

	private long answeredAt;

	@Setup(Level.Trial)
	public void start() {
		this.context = RecoveryApplication.start(false);
		this.system = this.context.getBean(ActorSystem.class);
	}

	@Benchmark
	public long startAndCall() {
		this.askedAt = System.currentTimeMillis();
		List<ActorSystem.PoolInfo> added = this.system.addPools(PoolConfig.process("spring-child")
			.threads(1)
			.jvmArgs(Systems.CHILD_JVM_ARGS.toArray(String[]::new))).join();
		this.started = added.get(0).index();
		this.counter = this.system
			.createActor(GpuCounter.class, CreateOptions.uid("started-counter").placement(Placement.pool(this.started)))
			.join();
		long value = this.counter.method("add").<Long>call(1L);
		this.answeredAt = System.currentTimeMillis();
		return value;
	}

	/** Not measured: where the start's time went, then the pool removed. */
	@TearDown(Level.Iteration)
	public void removePool() {
		if (this.started >= 0) {
			this.phases.add(this.askedAt, this.counter.method("timings").<ChildClock.Timings>call(), this.answeredAt);
			this.system.removePool(this.started).join();
			this.started = -1;
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.phases.printMedians();
		this.context.close();
	}

}
