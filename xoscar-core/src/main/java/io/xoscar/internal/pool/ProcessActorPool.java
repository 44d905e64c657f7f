package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.xoscar.ActorSystem.PoolState;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.config.TlsConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.PoolStatus;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.internal.transport.Transport;

/**
 * A sub pool in a child JVM of the same application: its own process, environment and JVM
 * options, reached over the transport at the address the child reports when it is ready. It dies
 * with the parent. When its process dies, recovery ({@link PoolRecovery}) may start another one
 * ({@link #relaunch()}) at the same address: each process is one {@link Incarnation}.
 */
public final class ProcessActorPool extends ActorPool {

	private static final CompletableFuture<Void> RUNNING = CompletableFuture.completedFuture(null);

	/** The spec of a child for this pool, given the port it binds (0 for any free one). */
	private final IntFunction<ChildJvmSpec> specs;

	private final String address;

	/** How long a process of the pool may take to start, and its actors to be made again. */
	private final Duration startTimeout;

	private final ExitListener onExit;

	/** The process now, alive or not. */
	private volatile Incarnation current;

	/** The process now if the pool takes calls, else {@code null}: what call targets check. */
	private volatile Incarnation live;

	private volatile PoolState state = PoolState.UP;

	/** Completes when the pool is up again; fails when it is down for good. */
	private volatile CompletableFuture<Void> back = RUNNING;

	private volatile boolean retired;

	private volatile int restarts;

	private volatile String lastFailure;

	/** What happened last, as a meter tag. */
	private volatile String failureKind = "none";

	/** The generation of the last process whose death was announced. */
	private int announcedDeath;

	/** When the pool went down (System.nanoTime), for the time it took to come back. */
	private volatile long downSince;

	private final RestartWindow window = new RestartWindow();

	/** What its node told last, or {@code null} before it did. */
	private volatile PoolStatus status;

	private ProcessActorPool(int index, PoolConfig config, IntFunction<ChildJvmSpec> specs, ChildJvm child,
			ExitListener onExit) {
		super(index, config.name(), config.labels(), config.threads());
		this.startTimeout = config.startTimeout();
		this.specs = specs;
		this.address = child.readyPayload();
		this.onExit = onExit;
		Incarnation first = new Incarnation(child, 1);
		this.current = first;
		this.live = first;
		watch(first);
	}

	/**
	 * Starts the child JVM and waits until its node listens.
	 * @param index the pool index on the parent node
	 * @param ordinal which pool of its group this is (picks its CUDA device)
	 * @param config the pool group
	 * @param host the host the child binds
	 * @param advertisedHost the host the child advertises
	 * @param node the parent node's configuration (timeouts, limits)
	 * @param tls the TLS material of the parent's connections at the time a process starts
	 * @param parentAddress the parent node's address, where the child reports what it detects
	 * @param onExit hears when a process of the pool dies
	 * @return the running pool
	 * @throws io.xoscar.internal.process.ChildStartException if the child does not start
	 */
	static ProcessActorPool start(int index, int ordinal, PoolConfig config, String host, String advertisedHost,
			ActorSystemConfig node, Supplier<TlsConfig> tls, String parentAddress, ExitListener onExit) {
		Map<String, String> env = new HashMap<>(config.env());
		if (!config.cudaDevices().isEmpty()) {
			env.put("CUDA_VISIBLE_DEVICES", config.cudaDevices().get(ordinal));
		}
		IntFunction<ChildJvmSpec> specs = (port) -> ChildJvmSpec
			.of("pool-" + index + "-" + config.name(), node.node().processPoolMain().mainClass())
			.withArgs(args(config, host, port, advertisedHost, node, parentAddress))
			.withEnv(env)
			.withJvmArgs(config.jvmArgs())
			.withStartTimeout(config.startTimeout())
			.withPrivateInput(
					PoolPrivateInput.frame(ChildSecrets.of(node, tls.get()), node.node().processPoolMain().privateInput().get()));
		return new ProcessActorPool(index, config, specs, ChildJvm.start(specs.apply(0)), onExit);
	}

	private static List<String> args(PoolConfig config, String host, int port, String advertisedHost,
			ActorSystemConfig node, String parentAddress) {
		List<String> args = new ArrayList<>(List.of("--xoscar-pool.host=" + host, "--xoscar-pool.port=" + port,
				"--xoscar-pool.threads=" + config.threads(), "--xoscar-pool.call-timeout=" + node.calls().timeout(),
				"--xoscar-pool.max-frame-size=" + node.transport().maxFrameSize(),
				"--xoscar-pool.incomplete-frame-memory=" + node.transport().incompleteFrameMemory(),
				"--xoscar-pool.frame-read-timeout=" + node.transport().frameReadTimeout(),
				"--xoscar-pool.connect-timeout=" + node.transport().connectTimeout(),
				"--xoscar-pool.unix-sockets=" + node.transport().unixSockets(),
				"--xoscar-pool.shared-memory=" + node.transport().sharedMemory()));
		if (!advertisedHost.equals(host)) {
			args.add("--xoscar-pool.advertised-host=" + advertisedHost);
		}
		args.add("--xoscar-pool.parent=" + parentAddress);
		args.add("--xoscar-pool.deadlock-detection=" + node.calls().deadlockDetection());
		args.add("--xoscar-pool.slow-call-threshold=" + node.debug().slowCallThreshold());
		args.add("--xoscar-pool.backlog-threshold=" + node.debug().backlogThreshold());
		args.add("--xoscar-pool.restart-actors=" + node.recovery().restartActors());
		args.add("--xoscar-pool.allow-unauthenticated=" + node.security().allowUnauthenticated());
		args.add("--xoscar-pool.handshake-timeout=" + node.security().handshakeTimeout());
		args.add("--xoscar-pool.max-pending-handshakes=" + node.security().maxPendingHandshakes());
		args.add(PoolPrivateInput.ARGUMENT);
		if (node.observability().meterRegistry() != null) {
			args.add("--xoscar-pool.call-meters=true");
		}
		node.transport().exceptionPackages().forEach((prefix) -> args.add("--xoscar-pool.exception-package=" + prefix));
		args.addAll(node.node().processPoolMain().args());
		return args;
	}

	private void watch(Incarnation incarnation) {
		incarnation.child().onExit().thenAccept((code) -> {
			try {
				if (this.current == incarnation) {
					this.live = null;
					Transport.deleteUnixSocket(this.address);
					this.onExit.exited(this, incarnation, code);
				}
			}
			finally {
				incarnation.deathHandled().complete(null);
			}
		});
	}

	/**
	 * Starts another process at the pool's address (blocking until it is ready); the pool stays
	 * {@linkplain PoolState#RESTARTING restarting} until {@link #restarted()}.
	 * @return the new process
	 * @throws io.xoscar.internal.process.ChildStartException if it does not start
	 */
	Incarnation relaunch() {
		int port = Integer.parseInt(this.address.substring(this.address.lastIndexOf(':') + 1));
		ChildJvm child = ChildJvm.start(this.specs.apply(port));
		if (!child.readyPayload().equals(this.address)) {
			child.kill();
			throw new IllegalStateException("the new process of " + PoolEnds.describe(this) + " listens at "
					+ child.readyPayload() + ", not at the pool's address");
		}
		Incarnation next = new Incarnation(child, this.current.generation() + 1);
		synchronized (this) {
			if (this.retired) {
				child.kill();
				throw new PoolDownException(PoolEnds.describe(this) + " was removed while it restarted");
			}
			this.current = next;
			this.restarts++;
		}
		watch(next);
		return next;
	}

	/**
	 * The pool's process died and recovery starts another: calls made from now on wait for it.
	 * @param failure what happened
	 * @param kind what happened, as a meter tag: "SIGKILL", "exit-3", "start-failed"
	 * @return whether the pool was up until now (else it was restarting already)
	 */
	synchronized boolean beginRestart(String failure, String kind) {
		this.lastFailure = failure;
		this.failureKind = kind;
		this.live = null;
		if (this.state == PoolState.RESTARTING || this.retired) {
			return false;
		}
		this.state = PoolState.RESTARTING;
		this.downSince = System.nanoTime();
		this.back = new CompletableFuture<>();
		return true;
	}

	/**
	 * @param dead a process of the pool that died
	 * @return whether its death is news (the first time it is told)
	 */
	synchronized boolean announceDeath(Incarnation dead) {
		if (this.announcedDeath >= dead.generation()) {
			return false;
		}
		this.announcedDeath = dead.generation();
		return true;
	}

	/**
	 * The new process runs and the actors are back: calls go to it.
	 * @return how long the pool was down
	 */
	Duration restarted() {
		CompletableFuture<Void> waiting;
		synchronized (this) {
			if (this.retired) {
				return Duration.ZERO;
			}
			this.state = PoolState.UP;
			this.live = this.current;
			waiting = this.back;
			this.back = RUNNING;
		}
		waiting.complete(null);
		return Duration.ofNanos(System.nanoTime() - this.downSince);
	}

	/**
	 * The pool is down for good (its process died with recovery off, or recovery gave it up).
	 * @param failure why, as calls to its actors will say
	 */
	void down(String failure) {
		CompletableFuture<Void> waiting;
		synchronized (this) {
			this.lastFailure = failure;
			this.live = null;
			this.state = PoolState.DOWN;
			waiting = this.back;
		}
		waiting.completeExceptionally(new PoolDownException(failure));
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
		Incarnation now = this.live;
		return now != null && now.child().isAlive();
	}

	@Override
	public PoolState state() {
		return this.state;
	}

	@Override
	public int restarts() {
		return this.restarts;
	}

	@Override
	public String lastFailure() {
		return this.lastFailure;
	}

	/** @return the process that takes calls now, or {@code null} while there is none */
	Incarnation live() {
		return this.live;
	}

	/** @return the latest process, alive or not */
	Incarnation current() {
		return this.current;
	}

	/** @return completes when the pool is up (at once if it is), fails when it is down for good */
	CompletableFuture<Void> back() {
		return this.back;
	}

	/** @return how long a process of the pool may take to start, and its actors to be made again */
	Duration startTimeout() {
		return this.startTimeout;
	}

	/** @return what happened last, as a meter tag */
	String failureKind() {
		return this.failureKind;
	}

	/**
	 * @param wait the longest wait
	 * @param call the call that waits ("call to 'get' of actor 'a'"), for the failure's message
	 * @return completes when the pool is up; fails with {@link PoolDownException} when it is down for
	 * good or still restarting after {@code wait}
	 */
	CompletableFuture<Void> whenBack(Duration wait, String call) {
		CompletableFuture<Void> waited = this.back;
		if (waited.isDone() && !waited.isCompletedExceptionally()) {
			return waited;
		}
		CompletableFuture<Void> back = new CompletableFuture<>();
		waited.copy().orTimeout(wait.toNanos(), TimeUnit.NANOSECONDS).whenComplete((ignored, error) -> {
			if (error == null) {
				back.complete(null);
			}
			else {
				back.completeExceptionally(notBack(error, wait, call));
			}
		});
		return back;
	}

	/**
	 * Waits until the pool is up.
	 * @param wait the longest wait
	 * @param call the call that waits, for the failure's message
	 * @throws PoolDownException when it is down for good or still restarting after {@code wait}
	 */
	void awaitBack(Duration wait, String call) {
		try {
			this.back.get(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw notBack(ex.getCause(), wait, call);
		}
		catch (TimeoutException ex) {
			throw notBack(ex, wait, call);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PoolDownException("the " + call + " was interrupted while it waited for " + PoolEnds.describe(this)
					+ " to restart", ex, true);
		}
	}

	private PoolDownException notBack(Throwable error, Duration wait, String call) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		if (cause instanceof TimeoutException) {
			return new PoolDownException(PoolEnds.describe(this) + " is still restarting (" + this.lastFailure
					+ "); the " + call + " waited " + wait + " for it", null, true);
		}
		return new PoolDownException(cause.getMessage() + "; the " + call + " waited for it", cause, false);
	}

	boolean isRetired() {
		return this.retired;
	}

	RestartWindow window() {
		return this.window;
	}

	@Override
	public long pid() {
		return this.current.child().pid();
	}

	/** @return calls waiting in its actors' mailboxes, as its node told last (about a second ago) */
	@Override
	public long backlog() {
		PoolStatus last = this.status;
		return (last != null) ? last.backlog() : 0;
	}

	@Override
	public int openStreams() {
		PoolStatus last = this.status;
		return (last != null) ? last.openStreams() : 0;
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
		CompletableFuture<Void> waiting;
		synchronized (this) {
			this.retired = true;
			this.live = null;
			this.state = PoolState.DOWN;
			waiting = this.back;
		}
		waiting.completeExceptionally(new PoolDownException(PoolEnds.describe(this) + " was removed"));
	}

	/**
	 * Kills the process at once (SIGKILL); its calls in flight fail with {@link PoolDownException}.
	 * @param restart whether recovery restarts it (calls made meanwhile wait for it)
	 */
	void kill(boolean restart) {
		if (restart) {
			beginRestart("its process (pid " + pid() + ") was killed by killActor", "killActor");
		}
		else {
			this.live = null;
		}
		this.current.child().kill();
	}

	@Override
	public void shutdown(Duration timeout) {
		synchronized (this) {
			this.retired = true;
			this.live = null;
			this.state = PoolState.DOWN;
		}
		this.current.child().stop(timeout);
	}

	@Override
	public String toString() {
		return "process pool " + index() + " (" + name() + ") at " + this.address + ", pid " + pid();
	}

	/**
	 * One process of the pool.
	 * @param child the child JVM
	 * @param generation 1 for the first, counting up with each restart
	 * @param deathHandled completes once the pool has heard of the process's death (it is restarting,
	 * down, or already runs another): a process may be seen dead before that
	 */
	record Incarnation(ChildJvm child, int generation, CompletableFuture<Void> deathHandled) {

		Incarnation(ChildJvm child, int generation) {
			this(child, generation, new CompletableFuture<>());
		}

	}

	/** Hears when a process of a pool dies without being asked to. */
	@FunctionalInterface
	interface ExitListener {

		void exited(ProcessActorPool pool, Incarnation incarnation, int exitCode);

	}

}
