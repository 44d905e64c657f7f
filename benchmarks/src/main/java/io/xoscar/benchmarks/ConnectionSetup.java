package io.xoscar.benchmarks;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;

/**
 * What a new connection costs: the first call from a fresh node to a {@link Counter} of a serving
 * node (both in this JVM, real loopback TCP sockets, Unix sockets off), which opens the connection:
 * TCP connect, the TLS handshake if any, the token handshake if any, the Hello exchange, then the
 * call. The calling node is made before and closed after each invocation, outside the time. The
 * handshakes' cost is the difference to {@code plain}. ms per first call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ConnectionSetup {

	@State(Scope.Benchmark)
	public static class Server {

		@Param({ "plain", "token", "tls", "mtls", "token+tls" })
		public String security;

		ActorSystem system;

		String address;

		@Setup(Level.Trial)
		public void start() {
			this.system = ActorSystem.create(SecureNodes
				.secure(this.security, ActorSystemConfig.builder().mainPoolThreads(1).unixSockets(false))
				.build());
			ActorHandle<Counter> counter = this.system.createActor(Counter.class, CreateOptions.uid("counter")).join();
			this.address = counter.address();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.system.close();
		}

	}

	@State(Scope.Thread)
	public static class Client {

		ActorSystem system;

		ActorHandle<Counter> counter;

		@Setup(Level.Invocation)
		public void start(Server server) {
			this.system = ActorSystem.create(SecureNodes
				.secure(server.security, ActorSystemConfig.builder().mainPoolThreads(1).unixSockets(false))
				.callTimeout(Systems.TIMEOUT)
				.build());
			this.counter = this.system.handle(server.address, "counter", Counter.class);
		}

		@TearDown(Level.Invocation)
		public void stop() {
			this.system.close();
		}

	}

	@Benchmark
	public long firstCall(Client client) {
		return client.counter.method("add").<Long>call(1L);
	}

}
