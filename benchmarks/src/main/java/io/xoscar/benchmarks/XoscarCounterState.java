package io.xoscar.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;

/**
 * One xoscar system (main pool of {@link Systems#THREADS} threads) with one {@link Counter} and one
 * {@link BatchCounter}, started once per trial. Methods are looked up once and reused.
 */
@State(Scope.Benchmark)
public class XoscarCounterState {

	public ActorSystem system;

	public ActorHandle<Counter> counter;

	/** {@code Counter.add(long)} */
	public ActorMethod add;

	/** {@code Counter.get()} */
	public ActorMethod get;

	/** Typed proxy of the counter. */
	public CounterApi api;

	/** {@code BatchCounter.add(long)}, whose batches go to {@code @BatchOf("add") addAll}. */
	public ActorMethod batchAdd;

	@Setup(Level.Trial)
	public void start() {
		this.system = Systems.xoscar();
		this.counter = this.system.createActor(Counter.class, CreateOptions.uid("counter")).join();
		this.add = this.counter.method("add");
		this.get = this.counter.method("get");
		this.api = this.counter.as(CounterApi.class);
		this.batchAdd = this.system.createActor(BatchCounter.class, CreateOptions.uid("batch-counter"))
			.join()
			.method("add");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.system.close();
	}

}
