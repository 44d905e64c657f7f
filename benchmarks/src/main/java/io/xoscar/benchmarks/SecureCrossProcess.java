package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

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

import io.xoscar.ActorMethod;

/**
 * What security costs a call once the connection is open: the cross-process cases of
 * {@link CrossProcessSend} (sequential {@code call}, µs) and {@link CrossProcessInFlight64}
 * ({@value #WINDOW} {@code send}s in flight, calls/s) for each {@link SecureRemoteState#setup}.
 */
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class SecureCrossProcess {

	static final int WINDOW = 64;

	static final int CALLS = 10_000;

	@State(Scope.Thread)
	public static class Window {

		final InFlightWindow window = new InFlightWindow(WINDOW);

	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public long sequentialCall(SecureRemoteState s) {
		return s.add.<Long>call(1L);
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@OperationsPerInvocation(CALLS)
	public void inFlight64(SecureRemoteState s, Window w) {
		ActorMethod add = s.add;
		InFlightWindow window = w.window;
		for (int i = 0; i < CALLS; i++) {
			window.acquire();
			window.track(add.send(1L));
		}
		window.drain();
	}

}
