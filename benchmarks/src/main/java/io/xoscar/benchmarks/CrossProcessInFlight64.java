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
 * Cross-process case 3: one sender keeps {@value #WINDOW} {@code send(long)}s outstanding to a
 * {@link Counter} in a child JVM ({@link InFlightWindow}: a new call goes out as soon as one
 * completes; completions are counted on the thread that completes them, the caller's event loop),
 * {@value #CALLS} calls per invocation. Score: calls/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CrossProcessInFlight64 {

	static final int WINDOW = 64;

	static final int CALLS = 10_000;

	@State(Scope.Thread)
	public static class Window {

		final InFlightWindow window = new InFlightWindow(WINDOW);

	}

	@Benchmark
	@OperationsPerInvocation(CALLS)
	public void xoscarSend(RemoteActorsState s, Window w) {
		ActorMethod add = s.add;
		InFlightWindow window = w.window;
		for (int i = 0; i < CALLS; i++) {
			window.acquire();
			window.track(add.send(1L));
		}
		window.drain();
	}

}
