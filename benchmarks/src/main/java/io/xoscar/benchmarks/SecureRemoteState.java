package io.xoscar.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

/**
 * As {@link RemoteActorsState} (a {@link Counter} in a process pool's child JVM), secured as
 * {@code security} names it ({@link SecureNodes}): the child gets the same token and TLS material
 * from its parent. {@code channel} is {@code unix} or {@code tcp}; the TLS cases run over TCP only
 * (Unix sockets are owner-only and stay plaintext), and the setup checks the channel.
 */
@State(Scope.Benchmark)
public class SecureRemoteState {

	@Param({ "unix:plain", "unix:token", "tcp:plain", "tcp:token", "tcp:tls", "tcp:mtls", "tcp:token+tls" })
	public String setup;

	public ActorSystem system;

	/** {@code Counter.add(long)} in the child. */
	public ActorMethod add;

	@Setup(Level.Trial)
	public void start() {
		String channel = this.setup.substring(0, this.setup.indexOf(':'));
		String security = this.setup.substring(this.setup.indexOf(':') + 1);
		this.system = ActorSystem.create(SecureNodes.secure(security, ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.callTimeout(Systems.TIMEOUT)
			.unixSockets(channel.equals("unix"))
			.pool(PoolConfig.process("remote")
				.threads(Systems.THREADS)
				.jvmArgs(Systems.CHILD_JVM_ARGS.toArray(String[]::new))))
			.build());
		try {
			ActorHandle<Counter> counter = this.system
				.createActor(Counter.class, CreateOptions.uid("counter").placement(Placement.pool(1)))
				.join();
			this.add = counter.method("add");
			this.add.<Long>call(1L);
			String actual = this.system.channelTo(counter.address());
			if (!channel.equals(actual)) {
				throw new IllegalStateException("calls go over " + actual + ", not " + channel);
			}
		}
		catch (RuntimeException | Error ex) {
			this.system.close();
			throw ex;
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.system.close();
	}

}
