package io.xoscar.benchmarks.spring;

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
import org.springframework.context.ConfigurableApplicationContext;

import io.xoscar.ActorSystem;
import io.xoscar.exception.PoolDownException;

/**
 * How long a Spring child takes to recover from {@code kill -9}: the process pool {@code gpu} of a
 * Spring Boot application ({@link RecoveryApplication}), whose child JVM runs the application's
 * context, is killed, and an {@code @ActorRef} proxy injected before the kill is called until a call
 * succeeds (the death noticed, a new child started at the same address, its context started, the
 * {@code @XActor} re-created from its bean definition, the call answered). Restarts are not limited
 * and have no backoff, so every kill measures a first restart. After each kill the fork prints where
 * the time went ({@link StartPhases}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class SpringProcessPoolRecovery {

	/** A pool given up (restart limits not as meant) fails the run instead of looping for ever. */
	private static final Duration GIVE_UP = Duration.ofSeconds(60);

	private ConfigurableApplicationContext context;

	private ActorSystem system;

	private GpuCounterApi counter;

	private final StartPhases phases = new StartPhases("kill");

	private long killedAt;

	private long answeredAt;

	@Setup(Level.Trial)
	public void start() {
		this.context = RecoveryApplication.start(true);
		this.system = this.context.getBean(ActorSystem.class);
		this.counter = this.context.getBean(CounterClient.class).counter();
	}

	/** The child answers before each kill. */
	@Setup(Level.Iteration)
	public void childUp() {
		this.counter.add(1L);
	}

	@Benchmark
	public long killAndCall() {
		long pid = this.system.pools().stream().filter((pool) -> pool.name().equals("gpu")).findFirst()
			.orElseThrow().pid();
		this.killedAt = System.currentTimeMillis();
		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		long deadline = System.nanoTime() + GIVE_UP.toNanos();
		while (true) {
			try {
				long value = this.counter.add(1L);
				this.answeredAt = System.currentTimeMillis();
				return value;
			}
			catch (PoolDownException ex) {
				// lost in the crash, or made just before the death was noticed: again
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("pool 'gpu' not back " + GIVE_UP.toSeconds() + " s after the kill: "
							+ this.system.pools(), ex);
				}
			}
		}
	}

	/** Not measured: when the steps of the new child's start happened. */
	@TearDown(Level.Iteration)
	public void notePhases() {
		this.phases.add(this.killedAt, this.counter.timings(), this.answeredAt);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.phases.printMedians();
		this.context.close();
	}

}
