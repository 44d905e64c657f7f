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
 * One xoscar node whose pool 1 is a process pool (a child JVM, {@link Systems#CHILD_JVM_ARGS}),
 * with a {@link Counter}, a {@link BatchCounter} and an {@link Echo} in the child, started once
 * per trial. The calling side is this JVM (main pool of 1 thread, which the calls do not use).
 * <p>
 * {@code channel} selects how the two processes talk: {@code unix} (Unix domain socket) or
 * {@code tcp} (loopback TCP, with Unix sockets off in both processes). The setup makes a call and
 * checks {@link ActorSystem#channelTo} and the child's pid, so each case measures the channel and
 * the process boundary it claims.
 */
@State(Scope.Benchmark)
public class RemoteActorsState {

	/** Pool index of the process pool. */
	static final int PROCESS_POOL = 1;

	@Param({ "unix", "tcp" })
	public String channel;

	public ActorSystem system;

	/** {@code Counter.add(long)} in the child. */
	public ActorMethod add;

	/** {@code BatchCounter.add(long)} in the child, whose batches go to {@code @BatchOf("add") addAll}. */
	public ActorMethod batchAdd;

	/** {@code Echo.echo(byte[])} in the child. */
	public ActorMethod echo;

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
			ActorHandle<Counter> counter = create(Counter.class, "counter");
			this.add = counter.method("add");
			this.batchAdd = create(BatchCounter.class, "batch-counter").method("add");
			ActorHandle<Echo> echoActor = create(Echo.class, "echo");
			this.echo = echoActor.method("echo");
			long first = this.add.<Long>call(1L);
			if (first != 1L) {
				throw new IllegalStateException("counter answered " + first);
			}
			checkChannel(counter);
			checkChannel(echoActor);
		}
		catch (RuntimeException | Error ex) {
			this.system.close();
			throw ex;
		}
	}

	private <T extends io.xoscar.AbstractActor> ActorHandle<T> create(Class<T> type, String uid) {
		return this.system.createActor(type, CreateOptions.uid(uid).placement(Placement.pool(PROCESS_POOL))).join();
	}

	private void checkChannel(ActorHandle<?> actor) {
		if (actor.address().equals(this.system.address())) {
			throw new IllegalStateException(actor.uid() + " is in the calling process");
		}
		String actual = this.system.channelTo(actor.address());
		if (!this.channel.equals(actual)) {
			throw new IllegalStateException(
					"calls to " + actor.uid() + " at " + actor.address() + " go over " + actual + ", not " + this.channel);
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.system.close();
	}

}
