package io.xoscar.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.ActorMethod;
import io.xoscar.DelayedCall;

/**
 * Cross-process case 4: one {@code batch} of {@value #CALLS} delayed {@code add(1)} calls to an actor
 * in a child JVM, result list awaited. Score: calls/s.
 * <ul>
 * <li>{@code xoscarBatch}: to a {@link Counter} (no batch implementation: {@code add} runs once per
 * call, in one actor turn).</li>
 * <li>{@code xoscarBatchOf}: to a {@link BatchCounter}, whose {@code @BatchOf("add")} implementation
 * gets the whole batch in one invocation.</li>
 * </ul>
 * Building the list of delayed calls is part of the measured time, as in {@link Batch1000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CrossProcessBatch1000 {

	static final int CALLS = 1000;

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public List<Long> xoscarBatch(RemoteActorsState s) {
		return batch(s.add);
	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public List<Long> xoscarBatchOf(RemoteActorsState s) {
		return batch(s.batchAdd);
	}

	private static List<Long> batch(ActorMethod add) {
		List<DelayedCall> calls = new ArrayList<>(CALLS);
		for (int i = 0; i < CALLS; i++) {
			calls.add(add.delay(1L));
		}
		List<Long> results = add.<Long>batch(calls).join();
		if (results.size() != CALLS) {
			throw new IllegalStateException("batch returned " + results.size() + " results");
		}
		return results;
	}

}
