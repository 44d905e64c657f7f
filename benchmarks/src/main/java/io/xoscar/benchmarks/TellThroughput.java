package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.ActorMethod;

/**
 * Case 2: one sender, one actor, fire-and-forget. Each invocation sends {@value #MESSAGES} tells,
 * then one request/reply call that the actor answers only after processing all of them (mailbox
 * order), so the time covers processing, not just enqueueing. Score: messages/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class TellThroughput {

	static final int MESSAGES = 10_000;

	@Benchmark
	@OperationsPerInvocation(MESSAGES)
	public long xoscarTell(XoscarCounterState s) {
		ActorMethod add = s.add;
		for (int i = 0; i < MESSAGES; i++) {
			add.tell(1L);
		}
		return s.get.<Long>send().join();
	}

	@Benchmark
	@OperationsPerInvocation(MESSAGES)
	public long pekkoTell(PekkoCounterState s) {
		ActorRef<PekkoCounter.Command> counter = s.counter;
		for (int i = 0; i < MESSAGES; i++) {
			counter.tell(new PekkoCounter.Inc(1L));
		}
		return AskPattern.<PekkoCounter.Command, Long>ask(counter, PekkoCounter.Get::new, Systems.TIMEOUT, s.scheduler)
			.toCompletableFuture()
			.join();
	}

}
