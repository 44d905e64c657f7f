package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming across processes: the JMH thread subscribes to {@code ActorMethod.stream} of a
 * {@link Streamer} in a child JVM ({@link StreamingActorsState}, {@code channel} = {@code unix} or
 * {@code tcp}) and blocks until the stream has completed; one stream per invocation, each a new call.
 * The items cross in batched {@code ITEMS} frames under the caller's credit (an unbounded subscriber
 * here: credit goes in windows of 512 items).
 * <ul>
 * <li>{@code smallItems}: {@code range(N)}, {@value #N} {@code Long}s, counted
 * ({@code .count().block()}). Score: items/s (ops = items).</li>
 * <li>{@code chunks}: {@code chunks(64)}, the actor's 1 MiB {@code byte[]} {@value #CHUNKS} times (one
 * array made once, not filled per call), their lengths summed. Score: MiB/s (ops = chunks of 2^20
 * bytes); the secondary score {@code :streamedMB} is the same in MB/s (10^6 bytes), the unit of
 * {@link CrossProcessEcho}'s {@code :oneWayMB}, to be compared with its 16 MiB echo in the same
 * run.</li>
 * </ul>
 * The floor is {@link RawStreamFloor}: the same streams as bare length-prefixed frames from a
 * reactor-netty server in a child JVM.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class StreamingCrossProcess {

	/** Small items per stream. */
	static final int N = 100_000;

	/** Chunks per stream. */
	static final int CHUNKS = 64;

	/** Bytes streamed, reported per second (JMH normalizes {@code OPERATIONS} counters to time). */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.OPERATIONS)
	public static class Streamed {

		/** MB (10^6 bytes) streamed. */
		public double streamedMB;

		@Setup(Level.Iteration)
		public void reset() {
			this.streamedMB = 0;
		}

	}

	@Benchmark
	@OperationsPerInvocation(N)
	public long smallItems(StreamingActorsState s) {
		Long count = s.range.<Long>stream((long) N).count().block(Systems.TIMEOUT);
		if (count == null || count != N) {
			throw new IllegalStateException("range(" + N + ") streamed " + count + " items");
		}
		return count;
	}

	@Benchmark
	@OperationsPerInvocation(CHUNKS)
	public long chunks(StreamingActorsState s, Streamed streamed) {
		Long bytes = s.chunks.<byte[]>stream(CHUNKS).reduce(0L, (sum, chunk) -> sum + chunk.length).block(Systems.TIMEOUT);
		if (bytes == null || bytes != (long) CHUNKS * Streamer.CHUNK) {
			throw new IllegalStateException("chunks(" + CHUNKS + ") streamed " + bytes + " bytes");
		}
		streamed.streamedMB += bytes / 1e6;
		return bytes;
	}

}
