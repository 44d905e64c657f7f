package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Case 1: one plain thread (the JMH thread) makes request/reply calls to one stateful actor, one
 * at a time. Score: calls/s.
 * <ul>
 * <li>{@code xoscarCall}: blocking {@code ActorMethod.call}; the actor is idle, so the call runs on
 * the calling thread (no thread hop).</li>
 * <li>{@code xoscarProxyCall}: the same through a typed proxy ({@code ActorHandle.as}).</li>
 * <li>{@code xoscarSendJoin}: {@code send(..).join()}: always handed to the actor's pool thread.</li>
 * <li>{@code pekkoAsk}: Pekko typed {@code AskPattern.ask} from outside the actor system, joined.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class SequentialSend {

	@Benchmark
	public long xoscarCall(XoscarCounterState s) {
		return s.add.<Long>call(1L);
	}

	@Benchmark
	public long xoscarProxyCall(XoscarCounterState s) {
		return s.api.add(1L);
	}

	@Benchmark
	public long xoscarSendJoin(XoscarCounterState s) {
		return s.add.<Long>send(1L).join();
	}

	@Benchmark
	public long pekkoAsk(PekkoCounterState s) {
		return AskPattern.<PekkoCounter.Command, Long>ask(s.counter, (replyTo) -> new PekkoCounter.Add(1L, replyTo),
				Systems.TIMEOUT, s.scheduler)
			.toCompletableFuture()
			.join();
	}

}
