package io.xoscar.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.CreateOptions;

/**
 * What an idle actor costs: {@code actors} trivial stateful counters created from one thread, in a
 * fresh system each iteration. Score: the time of one shot, which includes the full GCs of the
 * heap measurement; what matters are the aux counters {@code bytesPerActor} (heap used after a full
 * GC, minus that of the empty system, per actor; the list of handles or refs the benchmark keeps
 * is counted too, about 40 bytes an actor) and {@code creationsPerSecond} (from the first create
 * to the last one answered, no GC in it).
 * <ul>
 * <li>{@code xoscar}: {@code createActor} futures from the benchmark thread, then all joined.</li>
 * <li>{@code pekko}: one message to a spawner actor, which spawns them all with
 * {@code context.spawn} and replies (typed Pekko spawns from inside an actor).</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 1) // JMH sums EVENTS counters over iterations: one gives the values themselves
@Fork(value = 1, jvmArgsAppend = { "-Xms6g", "-Xmx6g" })
@State(Scope.Benchmark)
public class ActorFootprint {

	@Param({ "1000", "100000", "1000000" })
	public int actors;

	/** What the aux counters report, per iteration. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Footprint {

		public long bytesPerActor;

		public long creationsPerSecond;

	}

	@State(Scope.Thread)
	public static class Xoscar {

		io.xoscar.ActorSystem system;

		long emptyHeap;

		List<Object> keep;

		@Setup(Level.Iteration)
		public void start() {
			this.system = Systems.xoscar();
			this.emptyHeap = usedHeapAfterGc();
		}

		@TearDown(Level.Iteration)
		public void stop() {
			this.system.close();
			this.keep = null;
		}

	}

	@State(Scope.Thread)
	public static class Pekko {

		ActorSystem<Spawn> system;

		long emptyHeap;

		List<ActorRef<PekkoCounter.Command>> keep;

		@Setup(Level.Iteration)
		public void start() {
			org.slf4j.LoggerFactory.getILoggerFactory();
			this.system = ActorSystem.create(spawner(), "footprint", com.typesafe.config.ConfigFactory.parseString(
					"pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING\npekko.jvm-shutdown-hooks = off\n"
							+ "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off")
				.withFallback(com.typesafe.config.ConfigFactory.load()));
			this.emptyHeap = usedHeapAfterGc();
		}

		@TearDown(Level.Iteration)
		public void stop() throws Exception {
			Systems.terminate(this.system);
			this.keep = null;
		}

	}

	/** Asks the spawner for {@code count} counters. */
	public record Spawn(int count, ActorRef<List<ActorRef<PekkoCounter.Command>>> replyTo) {
	}

	private static Behavior<Spawn> spawner() {
		return Behaviors.receive((context, spawn) -> {
			List<ActorRef<PekkoCounter.Command>> spawned = new ArrayList<>(spawn.count());
			for (int i = 0; i < spawn.count(); i++) {
				spawned.add(context.spawn(PekkoCounter.create(), "counter-" + i));
			}
			spawn.replyTo().tell(spawned);
			return Behaviors.same();
		});
	}

	@Benchmark
	public Object xoscar(Xoscar s, Footprint footprint) {
		long start = System.nanoTime();
		List<CompletableFuture<io.xoscar.ActorHandle<Counter>>> created = new ArrayList<>(this.actors);
		for (int i = 0; i < this.actors; i++) {
			created.add(s.system.createActor(Counter.class, CreateOptions.uid("counter-" + i)));
		}
		List<Object> handles = new ArrayList<>(this.actors);
		for (CompletableFuture<io.xoscar.ActorHandle<Counter>> future : created) {
			handles.add(future.join());
		}
		long took = System.nanoTime() - start;
		created = null;
		s.keep = handles;
		record(footprint, took, s.emptyHeap);
		return handles;
	}

	@Benchmark
	public Object pekko(Pekko s, Footprint footprint) {
		long start = System.nanoTime();
		List<ActorRef<PekkoCounter.Command>> spawned = AskPattern
			.<Spawn, List<ActorRef<PekkoCounter.Command>>>ask(s.system, (replyTo) -> new Spawn(this.actors, replyTo),
					java.time.Duration.ofMinutes(5), s.system.scheduler())
			.toCompletableFuture()
			.join();
		long took = System.nanoTime() - start;
		s.keep = spawned;
		record(footprint, took, s.emptyHeap);
		return spawned;
	}

	private void record(Footprint footprint, long tookNanos, long emptyHeap) {
		footprint.creationsPerSecond = (long) (this.actors / (tookNanos / 1e9));
		footprint.bytesPerActor = (usedHeapAfterGc() - emptyHeap) / this.actors;
	}

	static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
