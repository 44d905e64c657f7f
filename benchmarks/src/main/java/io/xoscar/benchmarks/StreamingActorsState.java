package io.xoscar.benchmarks;

import java.util.Arrays;
import java.util.List;

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
 * One xoscar node whose pool 1 is a process pool (a child JVM, {@link Systems#CHILD_JVM_ARGS}) with a
 * {@link Streamer} in it, started once per trial, as {@link RemoteActorsState} does for the call
 * cases: the calling side is this JVM (main pool of 1 thread), {@code channel} = {@code unix} (Unix
 * domain socket) or {@code tcp} (loopback TCP, Unix sockets off in both processes). The setup checks
 * the child's pid, {@link ActorSystem#channelTo}, and that a short stream of each kind arrives whole
 * and in order (the chunks equal to the actor's array); the teardown closes the system, which stops
 * the child.
 */
@State(Scope.Benchmark)
public class StreamingActorsState {

	/** Pool index of the process pool. */
	static final int PROCESS_POOL = 1;

	@Param({ "unix", "tcp" })
	public String channel;

	public ActorSystem system;

	/** {@code Streamer.range(long)} in the child. */
	public ActorMethod range;

	/** {@code Streamer.chunks(int)} in the child. */
	public ActorMethod chunks;

	@Setup(Level.Trial)
	public void start() {
		boolean unix = switch (this.channel) {
			case "unix" -> true;
			case "tcp" -> false;
			default -> throw new IllegalArgumentException("channel must be unix or tcp, was " + this.channel);
		};
		this.system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.callTimeout(Systems.TIMEOUT)
			.unixSockets(unix)
			.pool(PoolConfig.process("remote")
				.threads(Systems.THREADS)
				.jvmArgs(Systems.CHILD_JVM_ARGS.toArray(String[]::new)))
			.build());
		try {
			long childPid = this.system.pools().get(PROCESS_POOL).pid();
			if (childPid == ProcessHandle.current().pid()) {
				throw new IllegalStateException("pool " + PROCESS_POOL + " is not another process");
			}
			ActorHandle<Streamer> streamer = this.system
				.createActor(Streamer.class, CreateOptions.uid("streamer").placement(Placement.pool(PROCESS_POOL)))
				.join();
			if (streamer.address().equals(this.system.address())) {
				throw new IllegalStateException("the streamer is in the calling process");
			}
			this.range = streamer.method("range");
			this.chunks = streamer.method("chunks");
			List<Long> items = this.range.<Long>stream(10_000L).collectList().block(Systems.TIMEOUT);
			for (int i = 0; i < 10_000; i++) {
				if (items.size() != 10_000 || items.get(i) != i) {
					throw new IllegalStateException("range(10000) streamed " + items.size() + " items, item " + i + " wrong");
				}
			}
			byte[] chunk = streamer.method("chunk").call();
			List<byte[]> streamed = this.chunks.<byte[]>stream(3).collectList().block(Systems.TIMEOUT);
			if (streamed.size() != 3 || !streamed.stream().allMatch((c) -> Arrays.equals(c, chunk))) {
				throw new IllegalStateException("chunks(3) did not stream the actor's chunk three times");
			}
			String actual = this.system.channelTo(streamer.address());
			if (!this.channel.equals(actual)) {
				throw new IllegalStateException(
						"streams from " + streamer.address() + " go over " + actual + ", not " + this.channel);
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
