package io.xoscar.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JacksonModule;

import io.xoscar.ActorFactory;
import io.xoscar.debug.DebugListener;
import io.xoscar.recovery.RecoveryListener;
import io.xoscar.recovery.RestartLimits;
import io.xoscar.time.ActorClock;

/**
 * The configuration of one node, in groups: where it listens and which pools it runs
 * ({@link NodeConfig}), how its calls behave ({@link CallConfig}), how it talks to other processes
 * and hosts ({@link TransportConfig}), what it watches for ({@link DebugConfig}), where it publishes
 * meters and observations ({@link ObservabilityConfig}), what plugs into it
 * ({@link IntegrationConfig}) and how it recovers from failures ({@link RecoveryConfig}). Made with
 * {@link #builder()}.
 *
 * @param node where the node listens and which pools it runs
 * @param calls how its calls behave
 * @param transport how it talks to other processes and hosts
 * @param debug what it watches for and whom it tells
 * @param observability where it publishes meters and observations
 * @param integration what makes its actors and what time it runs on
 * @param recovery how it recovers from failures
 * @param security how it authenticates its connections
 */
public record ActorSystemConfig(NodeConfig node, CallConfig calls, TransportConfig transport, DebugConfig debug,
		ObservabilityConfig observability, IntegrationConfig integration, RecoveryConfig recovery,
		SecurityConfig security) {

	public ActorSystemConfig {
		Objects.requireNonNull(node, "node");
		Objects.requireNonNull(calls, "calls");
		Objects.requireNonNull(transport, "transport");
		Objects.requireNonNull(debug, "debug");
		Objects.requireNonNull(observability, "observability");
		Objects.requireNonNull(integration, "integration");
		Objects.requireNonNull(recovery, "recovery");
		Objects.requireNonNull(security, "security");
	}

	// shortcuts to the groups' settings, named as the builder's setters

	/** @return the address the node listens at ({@code node().address()}) */
	public String address() {
		return this.node.address();
	}

	/** @return the address other processes are told, or {@code null} for the bound one ({@code node().advertisedAddress()}) */
	public @Nullable String advertisedAddress() {
		return this.node.advertisedAddress();
	}

	/** @return the main pool's threads ({@code node().mainPoolThreads()}) */
	public int mainPoolThreads() {
		return this.node.mainPoolThreads();
	}

	/** @return the sub pool groups ({@code node().pools()}) */
	public List<PoolConfig> pools() {
		return this.node.pools();
	}

	/** @return what process pools' child JVMs run ({@code node().processPoolMain()}) */
	public ProcessPoolMain processPoolMain() {
		return this.node.processPoolMain();
	}

	/** @return the default call timeout ({@code calls().timeout()}) */
	public Duration callTimeout() {
		return this.calls.timeout();
	}

	/** @return whether call cycles fail at once ({@code calls().deadlockDetection()}) */
	public boolean deadlockDetection() {
		return this.calls.deadlockDetection();
	}

	/** @return the largest message accepted from the network ({@code transport().maxFrameSize()}) */
	public int maxFrameSize() {
		return this.transport.maxFrameSize();
	}

	/** @return the memory for messages still arriving (0: derived from the heap) ({@code transport().incompleteFrameMemory()}) */
	public long incompleteFrameMemory() {
		return this.transport.incompleteFrameMemory();
	}

	/** @return how long a started message may go without a byte ({@code transport().frameReadTimeout()}) */
	public Duration frameReadTimeout() {
		return this.transport.frameReadTimeout();
	}

	/** @return how long connecting to another node may take ({@code transport().connectTimeout()}) */
	public Duration connectTimeout() {
		return this.transport.connectTimeout();
	}

	/** @return whether same-host peers talk over Unix domain sockets ({@code transport().unixSockets()}) */
	public boolean unixSockets() {
		return this.transport.unixSockets();
	}

	/** @return shared memory per Unix socket connection (0: off) ({@code transport().sharedMemory()}) */
	public int sharedMemory() {
		return this.transport.sharedMemory();
	}

	/** @return packages whose exceptions arrive as themselves ({@code transport().exceptionPackages()}) */
	public List<String> exceptionPackages() {
		return this.transport.exceptionPackages();
	}

	/** @return Jackson modules for the application's types ({@code transport().jacksonModules()}) */
	public List<JacksonModule> jacksonModules() {
		return this.transport.jacksonModules();
	}

	/** @return the token connections are authenticated with, or {@code null} for none ({@code security().token()}) */
	public @Nullable String token() {
		return this.security.token();
	}

	/** @return the TLS of TCP connections, or {@code null} for plaintext ({@code security().tls()}) */
	public @Nullable TlsConfig tls() {
		return this.security.tls();
	}

	/** @return the default slow-call threshold ({@code debug().slowCallThreshold()}) */
	public Duration slowCallThreshold() {
		return this.debug.slowCallThreshold();
	}

	/** @return the backlog threshold ({@code debug().backlogThreshold()}) */
	public Duration backlogThreshold() {
		return this.debug.backlogThreshold();
	}

	/** @return how many reports and alerts are kept ({@code debug().history()}) */
	public int debugHistory() {
		return this.debug.history();
	}

	/** @return who hears about deadlocks and alerts ({@code debug().listeners()}) */
	public List<DebugListener> debugListeners() {
		return this.debug.listeners();
	}

	/** @return the node told what this one detects, or {@code null} ({@code debug().reportTo()}) */
	public @Nullable String reportTo() {
		return this.debug.reportTo();
	}

	/** @return where meters go, or {@code null} ({@code observability().meterRegistry()}) */
	public @Nullable MeterRegistry meterRegistry() {
		return this.observability.meterRegistry();
	}

	/** @return where observations go, or {@code null} ({@code observability().observationRegistry()}) */
	public @Nullable ObservationRegistry observationRegistry() {
		return this.observability.observationRegistry();
	}

	/** @return what makes actor instances ({@code integration().actorFactory()}) */
	public ActorFactory actorFactory() {
		return this.integration.actorFactory();
	}

	/** @return the clock the node runs on, or {@code null} for the machine's ({@code integration().clock()}) */
	public @Nullable ActorClock clock() {
		return this.integration.clock();
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

		private @Nullable MeterRegistry meterRegistry;

		private @Nullable String advertisedAddress;

		private final List<JacksonModule> jacksonModules = new ArrayList<>();

		private boolean deadlockDetection = true;

		private Duration slowCallThreshold = Duration.ofSeconds(2);

		private Duration backlogThreshold = Duration.ofSeconds(10);

		private int debugHistory = 100;

		private final List<DebugListener> debugListeners = new ArrayList<>();

		private @Nullable String reportTo;

		private @Nullable ObservationRegistry observationRegistry;

		private @Nullable ActorClock clock;

		private @Nullable String token;

		private boolean allowUnauthenticated;

		private Duration handshakeTimeout = SecurityConfig.DEFAULT_HANDSHAKE_TIMEOUT;

		private int maxPendingHandshakes = SecurityConfig.DEFAULT_MAX_PENDING_HANDSHAKES;

		private @Nullable TlsConfig tls;

		private boolean restartProcesses = true;

		private RestartLimits processRestartLimits = RestartLimits.DEFAULTS;

		private Duration restartWait = Duration.ofSeconds(30);

		private boolean restartActors = true;

		private final List<RecoveryListener> recoveryListeners = new ArrayList<>();

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

		/**
		 * @param address the address other processes and hosts are told to use ({@code host} or
		 * {@code host:port}), or {@code null} to advertise the bound one (the default)
		 * @return this builder
		 */
		public Builder advertisedAddress(@Nullable String address) {
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

		/**
		 * @param registry where the node publishes its meters, or {@code null} for none (the default)
		 * @return this builder
		 */
		public Builder meterRegistry(@Nullable MeterRegistry registry) {
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
		 * {@link io.xoscar.ProcessPoolChild#parse}; {@code null} for none (the default)
		 * @return this builder
		 */
		public Builder reportTo(@Nullable String parentAddress) {
			this.reportTo = parentAddress;
			return this;
		}

		/**
		 * @param registry where the node reports observations of actor calls, or {@code null} for none
		 * @return this builder
		 */
		public Builder observationRegistry(@Nullable ObservationRegistry registry) {
			this.observationRegistry = registry;
			return this;
		}

		/**
		 * @param clock the time the node runs on, or {@code null} for the machine's (the default)
		 * @return this builder
		 */
		public Builder clock(@Nullable ActorClock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * @param token the secret all nodes of the application share, to authenticate their
		 * connections; {@code null} (the default) for none
		 * @return this builder
		 */
		public Builder token(@Nullable String token) {
			this.token = token;
			return this;
		}

		/**
		 * @param allow whether the node may listen on a non-loopback address without a token (default
		 * {@code false}: such a node refuses to start)
		 * @return this builder
		 */
		public Builder allowUnauthenticated(boolean allow) {
			this.allowUnauthenticated = allow;
			return this;
		}

		/**
		 * @param timeout how long a new connection may take to complete the token handshake (default 5 s)
		 * @return this builder
		 */
		public Builder handshakeTimeout(Duration timeout) {
			this.handshakeTimeout = timeout;
			return this;
		}

		/**
		 * @param max how many accepted connections may be in the token handshake at once (default 64);
		 * the next one is closed at once
		 * @return this builder
		 */
		public Builder maxPendingHandshakes(int max) {
			this.maxPendingHandshakes = max;
			return this;
		}

		/**
		 * @param tls the TLS of the node's TCP connections, served and dialed (Unix domain sockets
		 * stay on this host and are not encrypted); {@code null} (the default) for plaintext
		 * @return this builder
		 */
		public Builder tls(@Nullable TlsConfig tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param security how the node authenticates its connections
		 * @return this builder
		 */
		public Builder security(SecurityConfig security) {
			this.token = security.token();
			this.allowUnauthenticated = security.allowUnauthenticated();
			this.handshakeTimeout = security.handshakeTimeout();
			this.maxPendingHandshakes = security.maxPendingHandshakes();
			this.tls = security.tls();
			return this;
		}

		/**
		 * @param enabled whether a process pool whose process died is started again at the same
		 * address with its actors (default {@code true})
		 * @return this builder
		 */
		public Builder restartProcesses(boolean enabled) {
			this.restartProcesses = enabled;
			return this;
		}

		/**
		 * @param limits how often and how soon a process pool is restarted (default
		 * {@link RestartLimits#DEFAULTS})
		 * @return this builder
		 */
		public Builder processRestartLimits(RestartLimits limits) {
			this.processRestartLimits = limits;
			return this;
		}

		/**
		 * @param wait how long a call made while its process pool restarts waits for it (default 30 s)
		 * @return this builder
		 */
		public Builder restartWait(Duration wait) {
			this.restartWait = wait;
			return this;
		}

		/**
		 * @param enabled whether actors are restarted as their supervision says (default {@code true})
		 * @return this builder
		 */
		public Builder restartActors(boolean enabled) {
			this.restartActors = enabled;
			return this;
		}

		/**
		 * @param listener hears what recovery does
		 * @return this builder
		 */
		public Builder recoveryListener(RecoveryListener listener) {
			this.recoveryListeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param recovery how the node recovers from failures
		 * @return this builder
		 */
		public Builder recovery(RecoveryConfig recovery) {
			this.restartProcesses = recovery.restartProcesses();
			this.processRestartLimits = recovery.processLimits();
			this.restartWait = recovery.restartWait();
			this.restartActors = recovery.restartActors();
			this.recoveryListeners.clear();
			this.recoveryListeners.addAll(recovery.listeners());
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param node where the node listens and which pools it runs
		 * @return this builder
		 */
		public Builder node(NodeConfig node) {
			this.address = node.address();
			this.advertisedAddress = node.advertisedAddress();
			this.mainPoolThreads = node.mainPoolThreads();
			this.pools.clear();
			this.pools.addAll(node.pools());
			this.processPoolMain = node.processPoolMain();
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param calls how the node's calls behave
		 * @return this builder
		 */
		public Builder calls(CallConfig calls) {
			this.callTimeout = calls.timeout();
			this.deadlockDetection = calls.deadlockDetection();
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param transport how the node talks to other processes and hosts
		 * @return this builder
		 */
		public Builder transport(TransportConfig transport) {
			this.maxFrameSize = transport.maxFrameSize();
			this.incompleteFrameMemory = transport.incompleteFrameMemory();
			this.frameReadTimeout = transport.frameReadTimeout();
			this.connectTimeout = transport.connectTimeout();
			this.unixSockets = transport.unixSockets();
			this.sharedMemory = transport.sharedMemory();
			this.exceptionPackages.clear();
			this.exceptionPackages.addAll(transport.exceptionPackages());
			this.jacksonModules.clear();
			this.jacksonModules.addAll(transport.jacksonModules());
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param debug what the node watches for and whom it tells
		 * @return this builder
		 */
		public Builder debug(DebugConfig debug) {
			this.slowCallThreshold = debug.slowCallThreshold();
			this.backlogThreshold = debug.backlogThreshold();
			this.debugHistory = debug.history();
			this.debugListeners.clear();
			this.debugListeners.addAll(debug.listeners());
			this.reportTo = debug.reportTo();
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param observability where the node publishes meters and observations
		 * @return this builder
		 */
		public Builder observability(ObservabilityConfig observability) {
			this.meterRegistry = observability.meterRegistry();
			this.observationRegistry = observability.observationRegistry();
			return this;
		}

		/**
		 * Takes every setting of a group at once, replacing what was set for it before.
		 * @param integration what makes the node's actors and what time it runs on
		 * @return this builder
		 */
		public Builder integration(IntegrationConfig integration) {
			this.actorFactory = integration.actorFactory();
			this.clock = integration.clock();
			return this;
		}

		/**
		 * @return the configuration
		 * @throws IllegalArgumentException if a setting is out of its range
		 * @throws NullPointerException if a required setting is {@code null}
		 */
		public ActorSystemConfig build() {
			return new ActorSystemConfig(
					new NodeConfig(this.address, this.advertisedAddress, this.mainPoolThreads, this.pools,
							this.processPoolMain),
					new CallConfig(this.callTimeout, this.deadlockDetection),
					new TransportConfig(this.maxFrameSize, this.incompleteFrameMemory, this.frameReadTimeout,
							this.connectTimeout, this.unixSockets, this.sharedMemory, this.exceptionPackages,
							this.jacksonModules),
					new DebugConfig(this.slowCallThreshold, this.backlogThreshold, this.debugHistory,
							this.debugListeners, this.reportTo),
					new ObservabilityConfig(this.meterRegistry, this.observationRegistry),
					new IntegrationConfig(this.actorFactory, this.clock),
					new RecoveryConfig(this.restartProcesses, this.processRestartLimits, this.restartWait,
							this.restartActors, this.recoveryListeners),
					new SecurityConfig(this.token, this.allowUnauthenticated, this.handshakeTimeout,
							this.maxPendingHandshakes, this.tls));
		}

	}

}
