package io.xoscar.benchmarks;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Pekko typed system (default dispatcher of {@link Systems#THREADS} threads) with one
 * {@link PekkoCounter}, started once per trial.
 */
@State(Scope.Benchmark)
public class PekkoCounterState {

	public ActorSystem<SpawnProtocol.Command> system;

	public Scheduler scheduler;

	public ActorRef<PekkoCounter.Command> counter;

	@Setup(Level.Trial)
	public void start() {
		this.system = Systems.pekko("bench");
		this.scheduler = this.system.scheduler();
		this.counter = Systems.spawn(this.system, PekkoCounter.create(), "counter");
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		Systems.terminate(this.system);
	}

}
