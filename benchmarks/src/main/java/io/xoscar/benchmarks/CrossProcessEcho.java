package io.xoscar.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cross-process case 5: blocking {@code byte[] echo(byte[])} calls to an {@link Echo} actor in a
 * child JVM, one at a time, with a {@code size}-byte array (1 MiB, 16 MiB) allocated and filled once
 * per trial. The primary score is echoes/s; the secondary score {@code oneWayMB} is the bytes sent
 * per second in MB/s (10^6 bytes): echoes/s × size. Each byte crosses the socket twice (there and
 * back), so the bytes moved are twice that.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CrossProcessEcho {

	/** The array sent, allocated and checked once per trial. */
	@State(Scope.Thread)
	public static class Payload {

		@Param({ "1048576", "16777216" })
		public int size;

		byte[] data;

		@Setup(Level.Trial)
		public void fill(RemoteActorsState s) {
			this.data = new byte[this.size];
			ThreadLocalRandom.current().nextBytes(this.data);
			byte[] back = s.echo.call((Object) this.data);
			if (!Arrays.equals(this.data, back)) {
				throw new IllegalStateException("the echo of " + this.size + " bytes differs from what was sent");
			}
		}

	}

	/** Bytes sent one way, reported per second (JMH normalizes {@code OPERATIONS} counters to time). */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.OPERATIONS)
	public static class OneWay {

		/** MB (10^6 bytes) sent. */
		public double oneWayMB;

		@Setup(Level.Iteration)
		public void reset() {
			this.oneWayMB = 0;
		}

	}

	@Benchmark
	public byte[] xoscarEcho(RemoteActorsState s, Payload p, OneWay bytes) {
		byte[] back = s.echo.call((Object) p.data);
		if (back.length != p.size) {
			throw new IllegalStateException("echo returned " + back.length + " bytes, sent " + p.size);
		}
		bytes.oneWayMB += p.size / 1e6;
		return back;
	}

}
