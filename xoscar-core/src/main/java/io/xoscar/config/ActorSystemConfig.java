package io.xoscar.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.JacksonModule;

import io.xoscar.ActorFactory;
import io.xoscar.debug.DebugListener;
import io.xoscar.time.ActorClock;

/**
 * The configuration of one node: its main pool, its sub pools and its transport.
 *
 * @param address the main pool's address ({@code host:port}; port 0 picks a free port); the node
 * listens there for other processes and hosts
 * @param mainPoolThreads threads of the main pool
 * @param pools the sub pool groups, numbered from 1 in order
 * @param callTimeout how long a caller waits for a call (blocking, future, mono or batch) before
 * {@link io.xoscar.exception.CallTimeoutException}, unless the method declares or the call is given
 * another
 * @param maxFrameSize the largest message (in bytes) accepted from the network; a larger one closes
 * its connection
 * @param incompleteFrameMemory the most bytes the node holds, over all its connections, for messages
 * still arriving (memory is taken as their bytes arrive, not as their length is announced); a
 * message that would exceed it closes its connection, and one larger than it can never arrive; 0
 * for a quarter of this JVM's maximum heap, at most 256 MiB (a process pool's child computes it from
 * its own heap)
 * @param frameReadTimeout how long a message that has started to arrive may go without receiving
 * a byte before it is dropped and its connection closed
 * @param connectTimeout how long connecting to another node may take
 * @param exceptionPackages packages of your exception classes: a remote exception of such a class
 * arrives as itself (JDK and Xoscar exceptions always do); others arrive as
 * {@link io.xoscar.exception.RemoteActorException}
 * @param unixSockets whether the node also listens on a Unix domain socket and reaches other nodes
 * of this host through theirs (faster than TCP); off, same-host peers use TCP
 * @param sharedMemory bytes of shared memory (in {@code /dev/shm}) each Unix socket connection may
 * use for byte arrays of 64 KiB and more, which then cross with one copy on each side instead of
 * through the socket; arrays that do not fit at the moment take the socket; 0 turns it off
 * @param actorFactory makes the instances of actors created in this JVM
 * @param processPoolMain what the child JVMs of process pools run: by default a bare node
 * @param advertisedAddress the address other processes and hosts are told to use, when it differs
 * from the bound one ({@code address}, e.g. {@code 0.0.0.0:7700} behind NAT or in a container):
 * {@code host} (the bound port is kept) or {@code host:port}; {@code null} to advertise the bound
 * address. Handles and pool addresses carry it.
 * @param jacksonModules Jackson modules for the application's own types on the wire (serializers,
 * mix-ins); the JDK's types, records and plain classes need none
 * @param deadlockDetection whether a call that would wait on a stateful actor that waits for it (a
 * call cycle) fails at once with {@link io.xoscar.exception.DeadlockException}
 * @param meterRegistry where the node publishes its meters ({@code xoscar.calls} by actor class,
 * method and outcome; {@code xoscar.pool.*} per pool; {@code xoscar.deadlocks},
 * {@code xoscar.slow.calls}), or {@code null} for none
 * @param slowCallThreshold how long a call may run before a slow-call alert is raised (with the
 * stack of its thread), unless its method declares its own ({@link io.xoscar.SlowCallThreshold})
 * @param backlogThreshold how long the oldest call of an actor's mailbox may wait before a backlog
 * alert is raised
 * @param debugHistory how many deadlock reports, and how many alerts, the node keeps
 * @param debugListeners hear about deadlocks and alerts
 * @param reportTo the node a process pool's node tells what it detects (its parent), or {@code null}
 * @param observationRegistry where the node reports an observation around every actor call:
 * {@code xoscar.call.client} on the caller's side, {@code xoscar.call.server} on the callee's side
 * ({@link io.xoscar.observation.ActorCallObservation}), with the caller's trace context carried to
 * the callee (also across processes and hosts); {@code null} (or a no-op registry) for none
 * @param clock the time the node runs on (call deadlines, slow-call and backlog alerts, delayed calls,
 * time stamps of reports), or {@code null} for the machine's; a test gives a clock it advances itself
 */
public record ActorSystemConfig(String address, int mainPoolThreads, List<PoolConfig> pools, Duration callTimeout,
		int maxFrameSize, long incompleteFrameMemory, Duration frameReadTimeout, Duration connectTimeout,
		List<String> exceptionPackages, boolean unixSockets,
		int sharedMemory, ActorFactory actorFactory, ProcessPoolMain processPoolMain, String advertisedAddress,
		List<JacksonModule> jacksonModules, boolean deadlockDetection, MeterRegistry meterRegistry,
		Duration slowCallThreshold, Duration backlogThreshold, int debugHistory, List<DebugListener> debugListeners,
		String reportTo, ObservationRegistry observationRegistry, ActorClock clock) {

	public ActorSystemConfig {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(callTimeout, "callTimeout");
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(actorFactory, "actorFactory");
		Objects.requireNonNull(processPoolMain, "processPoolMain");
		if (advertisedAddress != null && (advertisedAddress.isBlank() || advertisedAddress.contains("/")
				|| advertisedAddress.startsWith(":") || !validPort(advertisedAddress))) {
			throw new IllegalArgumentException("advertisedAddress must be host or host:port, was '" + advertisedAddress + "'");
		}
		if (mainPoolThreads < 1) {
			throw new IllegalArgumentException("mainPoolThreads must be at least 1, was " + mainPoolThreads);
		}
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
		}
		if (maxFrameSize < 1024) {
			throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes, was " + maxFrameSize);
		}
		if (incompleteFrameMemory < 0) {
			throw new IllegalArgumentException(
					"incompleteFrameMemory must not be negative (0 for the default), was " + incompleteFrameMemory);
		}
		positive("frameReadTimeout", frameReadTimeout);
		if (sharedMemory < 0) {
			throw new IllegalArgumentException("sharedMemory must not be negative, was " + sharedMemory);
		}
		positive("slowCallThreshold", slowCallThreshold);
		positive("backlogThreshold", backlogThreshold);
		if (debugHistory < 1) {
			throw new IllegalArgumentException("debugHistory must be at least 1, was " + debugHistory);
		}
		debugListeners = List.copyOf(debugListeners);
		pools = List.copyOf(pools);
		exceptionPackages = List.copyOf(exceptionPackages);
		jacksonModules = List.copyOf(jacksonModules);
	}

	private static void positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

	private static boolean validPort(String hostAndMaybePort) {
		int colon = hostAndMaybePort.lastIndexOf(':');
		if (colon < 0) {
			return true;
		}
		try {
			int port = Integer.parseInt(hostAndMaybePort.substring(colon + 1));
			return port >= 0 && port <= 65535;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * @return a builder with the defaults: {@code 127.0.0.1:0}, one main pool thread per core, no
	 * sub pools, a 60 s call timeout, 256 MiB frames, a quarter of the heap (at most 256 MiB) for
	 * frames still arriving, a 30 s frame read timeout, a 5 s connect timeout, Unix domain sockets on,
	 * 64 MiB of shared memory per Unix socket connection, deadlock detection on, a 2 s slow-call
	 * threshold, a 10 s backlog threshold, 100 reports and alerts kept
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds an {@link ActorSystemConfig}. */
	public static final class Builder {

		private String address = "127.0.0.1:0";

		private int mainPoolThreads = Runtime.getRuntime().availableProcessors();

		private final List<PoolConfig> pools = new ArrayList<>();

		private Duration callTimeout = Duration.ofSeconds(60);

		private int maxFrameSize = 256 * 1024 * 1024;

		private long incompleteFrameMemory;

		private Duration frameReadTimeout = Duration.ofSeconds(30);

		private Duration connectTimeout = Duration.ofSeconds(5);

		private final List<String> exceptionPackages = new ArrayList<>();

		private boolean unixSockets = true;

		private int sharedMemory = 64 * 1024 * 1024;

		private ActorFactory actorFactory = ActorFactory.REFLECTIVE;

		private ProcessPoolMain processPoolMain = ProcessPoolMain.BARE;

		private MeterRegistry meterRegistry;

		private String advertisedAddress;

		private final List<JacksonModule> jacksonModules = new ArrayList<>();

		private boolean deadlockDetection = true;

		private Duration slowCallThreshold = Duration.ofSeconds(2);

		private Duration backlogThreshold = Duration.ofSeconds(10);

		private int debugHistory = 100;

		private final List<DebugListener> debugListeners = new ArrayList<>();

		private String reportTo;

		private ObservationRegistry observationRegistry;

		private ActorClock clock;

		private Builder() {
		}

		public Builder address(String address) {
			this.address = address;
			return this;
		}

		public Builder mainPoolThreads(int threads) {
			this.mainPoolThreads = threads;
			return this;
		}

		public Builder pool(PoolConfig pool) {
			this.pools.add(pool);
			return this;
		}

		public Builder callTimeout(Duration timeout) {
			this.callTimeout = timeout;
			return this;
		}

		public Builder maxFrameSize(int bytes) {
			this.maxFrameSize = bytes;
			return this;
		}

		/**
		 * @param bytes the most bytes held for messages still arriving, 0 for a quarter of the heap
		 * (at most 256 MiB)
		 * @return this builder
		 */
		public Builder incompleteFrameMemory(long bytes) {
			this.incompleteFrameMemory = bytes;
			return this;
		}

		/**
		 * @param timeout how long a message that has started to arrive may receive nothing
		 * @return this builder
		 */
		public Builder frameReadTimeout(Duration timeout) {
			this.frameReadTimeout = timeout;
			return this;
		}

		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		public Builder exceptionPackage(String packageName) {
			this.exceptionPackages.add(packageName);
			return this;
		}

		public Builder unixSockets(boolean enabled) {
			this.unixSockets = enabled;
			return this;
		}

		public Builder sharedMemory(int bytes) {
			this.sharedMemory = bytes;
			return this;
		}

		public Builder actorFactory(ActorFactory factory) {
			this.actorFactory = factory;
			return this;
		}

		public Builder processPoolMain(ProcessPoolMain main) {
			this.processPoolMain = main;
			return this;
		}

		public Builder advertisedAddress(String address) {
			this.advertisedAddress = address;
			return this;
		}

		public Builder jacksonModule(JacksonModule module) {
			this.jacksonModules.add(module);
			return this;
		}

		public Builder deadlockDetection(boolean enabled) {
			this.deadlockDetection = enabled;
			return this;
		}

		public Builder meterRegistry(MeterRegistry registry) {
			this.meterRegistry = registry;
			return this;
		}

		public Builder slowCallThreshold(Duration threshold) {
			this.slowCallThreshold = threshold;
			return this;
		}

		public Builder backlogThreshold(Duration threshold) {
			this.backlogThreshold = threshold;
			return this;
		}

		public Builder debugHistory(int reports) {
			this.debugHistory = reports;
			return this;
		}

		public Builder debugListener(DebugListener listener) {
			this.debugListeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * @param parentAddress the node this (process pool's) node tells what it detects; set by
		 * {@link io.xoscar.ProcessPoolChild#parse}
		 * @return this builder
		 */
		public Builder reportTo(String parentAddress) {
			this.reportTo = parentAddress;
			return this;
		}

		/**
		 * @param registry where the node reports observations of actor calls, or {@code null} for none
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry registry) {
			this.observationRegistry = registry;
			return this;
		}

		/**
		 * @param clock the time the node runs on, or {@code null} for the machine's (the default)
		 * @return this builder
		 */
		public Builder clock(ActorClock clock) {
			this.clock = clock;
			return this;
		}

		public ActorSystemConfig build() {
			return new ActorSystemConfig(this.address, this.mainPoolThreads, this.pools, this.callTimeout,
					this.maxFrameSize, this.incompleteFrameMemory, this.frameReadTimeout, this.connectTimeout,
					this.exceptionPackages, this.unixSockets,
					this.sharedMemory, this.actorFactory, this.processPoolMain,
					this.advertisedAddress, this.jacksonModules,
					this.deadlockDetection, this.meterRegistry, this.slowCallThreshold, this.backlogThreshold,
					this.debugHistory, this.debugListeners, this.reportTo, this.observationRegistry, this.clock);
		}

	}

}
