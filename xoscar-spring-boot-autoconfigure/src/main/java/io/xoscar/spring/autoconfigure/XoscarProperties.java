package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.config.TlsConfig;

import static io.xoscar.spring.autoconfigure.PropertyChecks.atLeast;
import static io.xoscar.spring.autoconfigure.PropertyChecks.hostAndPort;
import static io.xoscar.spring.autoconfigure.PropertyChecks.invalid;
import static io.xoscar.spring.autoconfigure.PropertyChecks.notBlank;
import static io.xoscar.spring.autoconfigure.PropertyChecks.notNegative;
import static io.xoscar.spring.autoconfigure.PropertyChecks.positive;

/**
 * Configuration properties of the node's actor system, under {@code xoscar}. Invalid values fail
 * binding with an {@link InvalidXoscarPropertyException} that names the property.
 *
 * @param enabled Whether to start an actor system on this node.
 * @param address Address of the node's main pool, as host:port, where other processes and hosts
 * reach the node. Port 0 picks a free port.
 * @param advertisedAddress Address other processes and hosts are told to use when it differs from
 * the bound one (such as 0.0.0.0:7700 in a container): host, keeping the bound port, or host:port.
 * Empty to advertise the bound address.
 * @param mainPoolThreads Threads of the main pool. 0 means one per available processor.
 * @param pools Sub pool groups by name, started in the order they are declared. Each group takes
 * count (1), mode (thread or process), threads (1), labels, cuda-devices, env, jvm-args and
 * start-timeout (30s); cuda-devices, env and jvm-args need mode process.
 * @param debug Call timeouts and the built-in detection of slow calls, backlogs and deadlocks.
 * @param recovery Automatic restart of failed actors and crashed pool processes.
 * @param security Authentication and encryption between nodes.
 * @param transport Messaging between pools, processes and hosts.
 * @param web How Spring MVC and WebFlux applications answer requests that fail with xoscar's
 * exceptions.
 */
@ConfigurationProperties("xoscar")
public record XoscarProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1:0") String address,
		@DefaultValue("") String advertisedAddress, @DefaultValue("0") int mainPoolThreads, Map<String, Pool> pools, @DefaultValue Debug debug,
		@DefaultValue Recovery recovery, @DefaultValue Security security, @DefaultValue Transport transport,
		@DefaultValue Web web) {

	private static final String PREFIX = "xoscar.";

	public XoscarProperties {
		hostAndPort(PREFIX + "address", address);
		advertisedAddress = (advertisedAddress != null) ? advertisedAddress.trim() : "";
		if (advertisedAddress.contains(":")) {
			hostAndPort(PREFIX + "advertised-address", advertisedAddress);
		}
		else if (advertisedAddress.contains("/")) {
			throw invalid(PREFIX + "advertised-address", advertisedAddress, "must be host or host:port",
					"Set it to the host (or host:port) peers reach this node at.");
		}
		atLeast(PREFIX + "main-pool-threads", mainPoolThreads, 0, "Set it to 0 (one thread per processor) or more.");
		pools = (pools != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(pools)) : Map.of();
		pools.forEach((name, pool) -> pool.check(poolKey(name)));
	}

	static String poolKey(String name) {
		return name.matches("[a-z0-9][a-z0-9-]*") ? PREFIX + "pools." + name : PREFIX + "pools[" + name + "]";
	}

	/**
	 * A group of identical sub pools.
	 *
	 * @param count How many pools the group has.
	 * @param mode How the group's pools run: thread (in this JVM) or process (in child JVMs of the
	 * same class path).
	 * @param threads Threads of each pool (its bulkhead size).
	 * @param labels Labels of each pool, matched by actor placement.
	 * @param cudaDevices One CUDA device per pool of the group (process pools): pool i runs with
	 * CUDA_VISIBLE_DEVICES set to the i-th entry. Empty for none.
	 * @param env Environment variables of each child JVM (process pools).
	 * @param jvmArgs JVM options of each child JVM (process pools), such as -Xmx2g.
	 * @param startTimeout How long a child JVM may take to start (process pools).
	 */
	public record Pool(@DefaultValue("1") int count, @DefaultValue("thread") PoolMode mode,
			@DefaultValue("1") int threads, Set<String> labels, List<String> cudaDevices, Map<String, String> env,
			List<String> jvmArgs, @DefaultValue("30s") Duration startTimeout) {

		public Pool {
			labels = (labels != null) ? Collections.unmodifiableSet(new LinkedHashSet<>(labels)) : Set.of();
			cudaDevices = (cudaDevices != null) ? List.copyOf(cudaDevices) : List.of();
			env = (env != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(env)) : Map.of();
			jvmArgs = (jvmArgs != null) ? List.copyOf(jvmArgs) : List.of();
		}

		void check(String key) {
			atLeast(key + ".count", this.count, 1, "Give the group at least one pool, or remove it.");
			atLeast(key + ".threads", this.threads, 1, "Give each pool at least one thread.");
			if (this.mode == null) {
				throw invalid(key + ".mode", null, "mode is required", "Set it to thread or process.");
			}
			positive(key + ".start-timeout", this.startTimeout);
			if (!this.cudaDevices.isEmpty() && this.cudaDevices.size() != this.count) {
				throw invalid(key + ".cuda-devices", this.cudaDevices,
						"must list one device per pool (" + this.count + "), lists " + this.cudaDevices.size(),
						"List exactly " + this.count + " devices, or set " + key + ".count to "
								+ this.cudaDevices.size() + ".");
			}
			if (this.mode == PoolMode.THREAD) {
				processOnly(key + ".cuda-devices", this.cudaDevices, key);
				processOnly(key + ".env", this.env, key);
				processOnly(key + ".jvm-args", this.jvmArgs, key);
			}
		}

		private static void processOnly(String key, Object value, String poolKey) {
			boolean empty = (value instanceof Map<?, ?> map) ? map.isEmpty() : ((List<?>) value).isEmpty();
			if (!empty) {
				throw invalid(key, value, "needs mode process: a thread pool shares this JVM",
						"Set " + poolKey + ".mode to process, or remove " + key + ".");
			}
		}

	}

	/**
	 * Call timeouts and the built-in detection of slow calls, backlogs and deadlocks.
	 *
	 * @param slowCallThreshold A call running longer than this raises a slow-call alert with the
	 * stack of the actor that handles it. A method annotated with @SlowCallThreshold uses its own.
	 * @param callTimeout How long a caller waits for a result before the call fails with a timeout.
	 * @param deadlockDetection Whether call cycles between actors are detected, failed fast and
	 * reported.
	 * @param backlogThreshold A call waiting in an actor's mailbox longer than this raises a backlog
	 * alert with the stack of the call it waits behind.
	 * @param backlogFailsHealth Whether a pool with an active backlog alert is reported DOWN by the
	 * xoscar health contributor. Otherwise the pool stays UP and lists the alert in its details.
	 * @param history How many deadlock reports, and how many slow-call and backlog alerts, the node
	 * keeps for the xoscar endpoint.
	 */
	public record Debug(@DefaultValue("2s") Duration slowCallThreshold, @DefaultValue("60s") Duration callTimeout,
			@DefaultValue("true") boolean deadlockDetection, @DefaultValue("10s") Duration backlogThreshold,
			@DefaultValue("false") boolean backlogFailsHealth, @DefaultValue("100") int history) {

		public Debug {
			positive(PREFIX + "debug.slow-call-threshold", slowCallThreshold);
			positive(PREFIX + "debug.call-timeout", callTimeout);
			positive(PREFIX + "debug.backlog-threshold", backlogThreshold);
			atLeast(PREFIX + "debug.history", history, 1, "Keep at least one report and one alert.");
		}

	}

	/**
	 * Automatic recovery from failures.
	 *
	 * @param restartActors Whether an actor of this JVM is restarted as its supervision says (the
	 * exceptions listed on its @XActor or in its CreateOptions): a new instance with the same uid,
	 * class and constructor arguments takes the calls queued behind the failed one. Otherwise a method
	 * that throws only fails its call.
	 * @param restartProcesses Whether a process pool whose child JVM died is started again at the same
	 * address, its actors re-created, so that refs taken before keep working. Otherwise the pool stays
	 * down and calls to its actors fail at once with PoolDownException saying why.
	 * @param maxRestarts Most restarts of a process pool within restart-window: one more death and
	 * recovery gives the pool up (it stays down, its health says why). 0 never restarts.
	 * @param restartWindow The sliding window in which max-restarts restarts of a process pool are
	 * counted.
	 * @param minBackoff Wait before the second restart of a process pool within the window (the first
	 * one is immediate); each further wait doubles, up to max-backoff.
	 * @param maxBackoff Longest wait before restarting a process pool (0 with min-backoff 0: no wait).
	 * @param jitter Random stretch of each wait before a restart, as a fraction from 0 to 1 (0.2: up to
	 * 20% longer), so that pools that died together do not restart at the same instant.
	 * @param restartWait How long a call made while its process pool restarts waits for the pool (also
	 * bounded by the call's timeout) before it fails with PoolDownException.
	 */
	public record Recovery(@DefaultValue("true") boolean restartActors, @DefaultValue("true") boolean restartProcesses,
			@DefaultValue("5") int maxRestarts, @DefaultValue("1m") Duration restartWindow,
			@DefaultValue("200ms") Duration minBackoff, @DefaultValue("10s") Duration maxBackoff,
			@DefaultValue("0.2") double jitter, @DefaultValue("30s") Duration restartWait) {

		public Recovery {
			String key = PREFIX + "recovery.";
			atLeast(key + "max-restarts", maxRestarts, 0, "Set it to 0 (never restart) or more.");
			positive(key + "restart-window", restartWindow);
			notNegative(key + "min-backoff", minBackoff);
			notNegative(key + "max-backoff", maxBackoff);
			if (maxBackoff.compareTo(minBackoff) < 0) {
				throw invalid(key + "max-backoff", maxBackoff, "must not be shorter than min-backoff (" + minBackoff + ")",
						"Set it to " + minBackoff + " or longer, or lower " + key + "min-backoff.");
			}
			if (!(jitter >= 0 && jitter <= 1)) {
				throw invalid(key + "jitter", jitter, "must be a fraction from 0 to 1",
						"Set it to a fraction such as 0.2 (up to 20% longer waits), or 0 for none.");
			}
			positive(key + "restart-wait", restartWait);
		}

	}

	/**
	 * Authentication and encryption between nodes.
	 *
	 * @param token Secret shared by all nodes of the application (typically ${XOSCAR_TOKEN}). With
	 * one, every connection (TCP and Unix socket) starts with a challenge-response handshake in both
	 * directions that proves each side knows it without sending it; a peer that cannot is refused
	 * before it reaches any actor. Empty for none. Never shown by the actuator.
	 * @param allowUnauthenticated Whether the node may listen on a non-loopback address (such as
	 * 0.0.0.0) with neither a token nor mutual TLS. Otherwise such a node refuses to start, so that nobody who reaches its
	 * port can create, call or destroy its actors.
	 * @param handshakeTimeout How long a new connection may take to complete the token handshake
	 * before it is closed.
	 * @param maxPendingHandshakes Most accepted connections in the token handshake at once; the next
	 * one is closed at once.
	 * @param tls Transport encryption.
	 */
	public record Security(@DefaultValue("") String token, @DefaultValue("false") boolean allowUnauthenticated,
			@DefaultValue("5s") Duration handshakeTimeout, @DefaultValue("64") int maxPendingHandshakes,
			@DefaultValue Tls tls) {

		public Security {
			token = (token != null) ? token : "";
			String key = PREFIX + "security.";
			positive(key + "handshake-timeout", handshakeTimeout);
			atLeast(key + "max-pending-handshakes", maxPendingHandshakes, 1, "Allow at least one connection in the handshake.");
		}

		@Override
		public String toString() {
			return "Security[token=" + (this.token.isEmpty() ? "" : "******") + ", allowUnauthenticated="
					+ this.allowUnauthenticated + ", handshakeTimeout=" + this.handshakeTimeout
					+ ", maxPendingHandshakes=" + this.maxPendingHandshakes + ", tls=" + this.tls + "]";
		}

		/**
		 * Transport encryption.
		 *
		 * @param bundle Name of the Spring Boot SSL bundle (spring.ssl.bundle.pem.NAME or
		 * spring.ssl.bundle.jks.NAME) whose key, certificate and trusted certificates encrypt the
		 * node's TCP connections with TLS. Empty for plaintext. Unix domain sockets stay on this host
		 * and are not encrypted.
		 * @param clientAuth Whether nodes that connect must present a certificate this node trusts
		 * (need: mutual TLS) or not (none).
		 * @param verifyHostname Whether the certificate of a node dialed must name the host of its
		 * address.
		 */
		public record Tls(@DefaultValue("") String bundle, @DefaultValue("none") TlsConfig.ClientAuth clientAuth,
				@DefaultValue("true") boolean verifyHostname) {

			public Tls {
				bundle = (bundle != null) ? bundle.strip() : "";
			}

			/** @return whether the node's TCP connections use TLS (a bundle is named) */
			public boolean enabled() {
				return !this.bundle.isEmpty();
			}

		}

	}

	/**
	 * Messaging between pools, processes and hosts.
	 *
	 * @param maxFrameSize Largest message accepted from the network, from 1KB to 2GB-1. A larger
	 * one closes its connection.
	 * @param connectTimeout How long connecting to another node may take.
	 * @param unixSockets Whether the node also listens on a Unix domain socket and reaches other
	 * nodes of this host through theirs, which is faster than TCP.
	 * @param exceptionPackages Packages of your exception classes. A remote exception of such a
	 * class arrives as itself, others as a RemoteActorException. JDK and Xoscar exceptions always
	 * arrive as themselves.
	 * @param sharedMemory Shared memory (in /dev/shm) each Unix socket connection may use for byte
	 * arrays of 64KB and more, which then reach processes of this host with one copy on each side
	 * instead of through the socket. Arrays that do not fit at the moment take the socket. 0 turns it
	 * off.
	 * @param incompleteFrameMemory Most memory the node holds, over all its connections, for messages
	 * still arriving. Memory is taken as their bytes arrive, not as their length is announced. A
	 * message that would exceed it closes its connection, and a message larger than it can never
	 * arrive. Unset, a quarter of the JVM's maximum heap, at most 256MB (a process pool's JVM then
	 * computes it from its own heap).
	 * @param frameReadTimeout How long a message that has started to arrive may go without receiving a
	 * byte before it is dropped and its connection closed.
	 */
	public record Transport(@DefaultValue("256MB") DataSize maxFrameSize, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("true") boolean unixSockets, List<String> exceptionPackages,
			@DefaultValue("64MB") DataSize sharedMemory, DataSize incompleteFrameMemory,
			@DefaultValue("30s") Duration frameReadTimeout) {

		private static final DataSize MIN_FRAME = DataSize.ofKilobytes(1);

		private static final DataSize MAX_FRAME = DataSize.ofBytes(Integer.MAX_VALUE);

		public Transport {
			String key = PREFIX + "transport.max-frame-size";
			if (maxFrameSize == null || maxFrameSize.compareTo(MIN_FRAME) < 0 || maxFrameSize.compareTo(MAX_FRAME) > 0) {
				throw invalid(key, maxFrameSize, "must be between 1KB and 2GB-1 (" + Integer.MAX_VALUE + "B)",
						"Set it to a size such as 256MB.");
			}
			positive(PREFIX + "transport.connect-timeout", connectTimeout);
			if (incompleteFrameMemory != null && incompleteFrameMemory.toBytes() <= 0) {
				throw invalid(PREFIX + "transport.incomplete-frame-memory", incompleteFrameMemory, "must be positive",
						"Set it to a size such as 256MB, or leave it unset for a quarter of the heap.");
			}
			positive(PREFIX + "transport.frame-read-timeout", frameReadTimeout);
			if (sharedMemory == null || sharedMemory.isNegative() || sharedMemory.compareTo(MAX_FRAME) > 0) {
				throw invalid(PREFIX + "transport.shared-memory", sharedMemory, "must be between 0 and 2GB-1",
						"Set it to a size such as 64MB, or 0 to send everything through the socket.");
			}
			exceptionPackages = (exceptionPackages != null) ? List.copyOf(exceptionPackages) : List.of();
			for (int i = 0; i < exceptionPackages.size(); i++) {
				notBlank(PREFIX + "transport.exception-packages[" + i + "]", exceptionPackages.get(i));
			}
		}

	}

	/**
	 * How Spring MVC and WebFlux applications answer requests that fail with xoscar's exceptions.
	 *
	 * @param problemDetails RFC 9457 problem details for xoscar's exceptions.
	 */
	public record Web(@DefaultValue ProblemDetails problemDetails) {

		/**
		 * RFC 9457 problem details for xoscar's exceptions.
		 *
		 * @param enabled Whether a request handled by a controller that fails with one of xoscar's
		 * exceptions (a pool down, a call timeout, a deadlock, an actor not found...) is answered with a
		 * problem detail and a matching status, such as 503 for a pool that is down, instead of a 500.
		 * The application's own exception handlers take precedence.
		 * @param retryAfter The Retry-After of the 503 answer to a call to a pool that is down, in whole
		 * seconds (rounded up).
		 */
		public record ProblemDetails(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration retryAfter) {

			public ProblemDetails {
				positive(PREFIX + "web.problem-details.retry-after", retryAfter);
			}

		}

	}

}
