package io.xoscar.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.ActorMethod;
import io.xoscar.CreateOptions;

/**
 * Case 5: {@code actors} counter actors (1000 unless {@code -p actors=...}; issue 18 runs 1 k, 100 k
 * and 1 M with a larger heap), {@value #CALLERS} caller threads each making blocking
 * request/reply calls to a random actor. Score: calls/s, summed over the caller threads.
 * <ul>
 * <li>{@code xoscarCall}: blocking {@code call} (runs on the caller thread when the actor is idle).</li>
 * <li>{@code xoscarSendJoin}: {@code send(..).join()} (always handed to a pool thread).</li>
 * <li>{@code pekkoAsk}: Pekko typed ask, joined.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Threads(ManyActors.CALLERS)
public class ManyActors {

	static final int CALLERS = 2;

	@State(Scope.Benchmark)
	public static class XoscarActors {

		@Param({ "1000" })
		public int actors;

		io.xoscar.ActorSystem system;

		ActorMethod[] add;

		@Setup(Level.Trial)
		public void start() {
			this.system = Systems.xoscar();
			List<CompletableFuture<io.xoscar.ActorHandle<Counter>>> created = new ArrayList<>(this.actors);
			for (int i = 0; i < this.actors; i++) {
				created.add(this.system.createActor(Counter.class, CreateOptions.uid("counter-" + i)));
			}
			this.add = new ActorMethod[this.actors];
			for (int i = 0; i < this.actors; i++) {
				this.add[i] = created.get(i).join().method("add");
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.system.close();
		}

	}

	@State(Scope.Benchmark)
	public static class PekkoActors {

		@Param({ "1000" })
		public int actors;

		ActorSystem<SpawnProtocol.Command> system;

		Scheduler scheduler;

		List<ActorRef<PekkoCounter.Command>> counters;

		@Setup(Level.Trial)
		public void start() {
			this.system = Systems.pekko("bench");
			this.scheduler = this.system.scheduler();
			this.counters = new ArrayList<>(this.actors);
			for (int i = 0; i < this.actors; i++) {
				this.counters.add(Systems.spawn(this.system, PekkoCounter.create(), "counter-" + i));
			}
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			Systems.terminate(this.system);
		}

	}

	@Benchmark
	public long xoscarCall(XoscarActors s) {
		return s.add[ThreadLocalRandom.current().nextInt(s.actors)].<Long>call(1L);
	}

	@Benchmark
	public long xoscarSendJoin(XoscarActors s) {
		return s.add[ThreadLocalRandom.current().nextInt(s.actors)].<Long>send(1L).join();
	}

	@Benchmark
	public long pekkoAsk(PekkoActors s) {
		ActorRef<PekkoCounter.Command> counter = s.counters.get(ThreadLocalRandom.current().nextInt(s.actors));
		return AskPattern.<PekkoCounter.Command, Long>ask(counter, (replyTo) -> new PekkoCounter.Add(1L, replyTo),
				Systems.TIMEOUT, s.scheduler)
			.toCompletableFuture()
			.join();
	}

}
