package io.xoscar.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.xoscar.ActorMethod;
import io.xoscar.DelayedCall;

/**
 * Case 4: {@value #CALLS} calls to one actor, all results wanted. Score: calls/s.
 * <ul>
 * <li>{@code xoscarBatch}: one {@code batch} of {@value #CALLS} delayed calls, no batch implementation
 * ({@code add} runs once per call, in one actor turn).</li>
 * <li>{@code xoscarBatchOf}: the same to an actor with a {@code @BatchOf("add")} implementation
 * (one method invocation for the whole batch).</li>
 * <li>{@code xoscarSend}: {@value #CALLS} {@code send}s, then join them all.</li>
 * <li>{@code pekkoAsk}: {@value #CALLS} asks, then join them all (Pekko has no batch).</li>
 * </ul>
 * Building the list of delayed calls is part of the measured time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class Batch1000 {

	static final int CALLS = 1000;

	@State(Scope.Thread)
	public static class Futures {

		final CompletableFuture<?>[] futures = new CompletableFuture<?>[CALLS];

	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public List<Long> xoscarBatch(XoscarCounterState s) {
		return batch(s.add);
	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public List<Long> xoscarBatchOf(XoscarCounterState s) {
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

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void xoscarSend(XoscarCounterState s, Futures f, Blackhole bh) {
		ActorMethod add = s.add;
		CompletableFuture<?>[] futures = f.futures;
		for (int i = 0; i < CALLS; i++) {
			futures[i] = add.send(1L);
		}
		joinAll(futures, bh);
	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void pekkoAsk(PekkoCounterState s, Futures f, Blackhole bh) {
		CompletableFuture<?>[] futures = f.futures;
		for (int i = 0; i < CALLS; i++) {
			CompletionStage<Long> reply = AskPattern.<PekkoCounter.Command, Long>ask(s.counter,
					(replyTo) -> new PekkoCounter.Add(1L, replyTo), Systems.TIMEOUT, s.scheduler);
			futures[i] = reply.toCompletableFuture();
		}
		joinAll(futures, bh);
	}

	private static void joinAll(CompletableFuture<?>[] futures, Blackhole bh) {
		for (int i = 0; i < futures.length; i++) {
			bh.consume(futures[i].join());
			futures[i] = null;
		}
	}

}
