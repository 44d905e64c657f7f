package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.internal.transport.Transport;
import io.xoscar.internal.call.PoolStatus;

/**
 * A sub pool in a child JVM of the same application: its own process, environment and JVM
 * options, reached over the transport at the address the child reports when it is ready. It dies
 * with the parent.
 */
public final class ProcessActorPool extends ActorPool {

	private final ChildJvm child;

	private final String address;

	private volatile boolean up = true;

	/** What its node told last, or {@code null} before it did. */
	private volatile PoolStatus status;

	private ProcessActorPool(int index, PoolConfig config, ChildJvm child) {
		super(index, config.name(), config.labels(), config.threads());
		this.child = child;
		this.address = child.readyPayload();
	}

	/**
	 * Starts the child JVM and waits until its node listens.
	 * @param index the pool index on the parent node
	 * @param ordinal which pool of its group this is (picks its CUDA device)
	 * @param config the pool group
	 * @param host the host the child binds
	 * @param advertisedHost the host the child advertises
	 * @param node the parent node's configuration (timeouts, limits)
	 * @param parentAddress the parent node's address, where the child reports what it detects
	 * @param onExit called with the exit code when the child dies
	 * @return the running pool
	 * @throws io.xoscar.internal.process.ChildStartException if the child does not start
	 */
	static ProcessActorPool start(int index, int ordinal, PoolConfig config, String host, String advertisedHost,
			ActorSystemConfig node, String parentAddress, IntConsumer onExit) {
		Map<String, String> env = new HashMap<>(config.env());
		if (!config.cudaDevices().isEmpty()) {
			env.put("CUDA_VISIBLE_DEVICES", config.cudaDevices().get(ordinal));
		}
		List<String> args = new ArrayList<>(List.of("--xoscar-pool.host=" + host,
				"--xoscar-pool.threads=" + config.threads(), "--xoscar-pool.call-timeout=" + node.calls().timeout(),
				"--xoscar-pool.max-frame-size=" + node.transport().maxFrameSize(),
				"--xoscar-pool.incomplete-frame-memory=" + node.transport().incompleteFrameMemory(),
				"--xoscar-pool.frame-read-timeout=" + node.transport().frameReadTimeout(),
				"--xoscar-pool.connect-timeout=" + node.transport().connectTimeout(),
				"--xoscar-pool.unix-sockets=" + node.transport().unixSockets(), "--xoscar-pool.shared-memory=" + node.transport().sharedMemory()));
		if (!advertisedHost.equals(host)) {
			args.add("--xoscar-pool.advertised-host=" + advertisedHost);
		}
		args.add("--xoscar-pool.parent=" + parentAddress);
		args.add("--xoscar-pool.deadlock-detection=" + node.calls().deadlockDetection());
		args.add("--xoscar-pool.slow-call-threshold=" + node.debug().slowCallThreshold());
		args.add("--xoscar-pool.backlog-threshold=" + node.debug().backlogThreshold());
		if (node.observability().meterRegistry() != null) {
			args.add("--xoscar-pool.call-meters=true");
		}
		node.transport().exceptionPackages().forEach((prefix) -> args.add("--xoscar-pool.exception-package=" + prefix));
		args.addAll(node.node().processPoolMain().args());
		ChildJvmSpec spec = ChildJvmSpec.of("pool-" + index + "-" + config.name(), node.node().processPoolMain().mainClass())
			.withArgs(args)
			.withEnv(env)
			.withJvmArgs(config.jvmArgs())
			.withStartTimeout(config.startTimeout())
			.withPrivateInput(node.node().processPoolMain().privateInput().get());
		ChildJvm child = ChildJvm.start(spec);
		ProcessActorPool pool = new ProcessActorPool(index, config, child);
		child.onExit().thenAccept((code) -> {
			pool.up = false;
			Transport.deleteUnixSocket(pool.address);
			onExit.accept(code);
		});
		return pool;
	}

	@Override
	public String address() {
		return this.address;
	}

	@Override
	public PoolMode mode() {
		return PoolMode.PROCESS;
	}

	@Override
	public boolean isUp() {
		return this.up && this.child.isAlive();
	}

	@Override
	public long pid() {
		return this.child.pid();
	}

	/** @return calls waiting in its actors' mailboxes, as its node told last (about a second ago) */
	@Override
	public long backlog() {
		PoolStatus last = this.status;
		return (last != null) ? last.backlog() : 0;
	}

	void status(PoolStatus status) {
		this.status = status;
	}

	/** @return what its node told last, or {@code null} before it did */
	PoolStatus status() {
		return this.status;
	}

	/** The pool is being removed: it takes no more calls, its handles resolve again. */
	void retire() {
		this.up = false;
	}

	/** Kills the process at once (SIGKILL); its calls in flight fail with a lost connection. */
	void kill() {
		this.up = false;
		this.child.kill();
	}

	@Override
	public void shutdown(Duration timeout) {
		this.up = false;
		this.child.stop(timeout);
	}

	@Override
	public String toString() {
		return "process pool " + index() + " (" + name() + ") at " + this.address + ", pid " + pid();
	}

}
