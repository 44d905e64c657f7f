package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cross-process case 1: one plain thread (the JMH thread) makes blocking {@code call(long)}s to an
 * idle stateful {@link Counter} in a child JVM, one at a time, over a Unix domain socket or loopback
 * TCP ({@code channel}, see {@link RemoteActorsState}).
 * <ul>
 * <li>{@code xoscarCallLatency}: {@link Mode#SampleTime}, µs per call; JMH prints p50, p90, p99….</li>
 * <li>{@code xoscarCallThroughput}: the same call, calls/s.</li>
 * </ul>
 * Compare with {@link RawEcho}, the floor of one request/response on the same kind of socket.
 */
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CrossProcessSend {

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public long xoscarCallLatency(RemoteActorsState s) {
		return s.add.<Long>call(1L);
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public long xoscarCallThroughput(RemoteActorsState s) {
		return s.add.<Long>call(1L);
	}

}
