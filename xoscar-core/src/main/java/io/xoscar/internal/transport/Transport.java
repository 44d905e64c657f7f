package io.xoscar.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.TcpServer;
import tools.jackson.databind.JavaType;

import io.xoscar.ActorSystem;
import io.xoscar.config.TlsConfig;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.Deadlines;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.call.OutgoingCalls;
import io.xoscar.internal.call.PoolAddresses;
import io.xoscar.internal.call.PoolStatus;
import io.xoscar.internal.reflect.MethodInfo;

/**
 * A node's network side: a server that serves the node's pools to other processes and hosts, and
 * one outgoing connection per peer node, created on first use and again after it is lost.
 */
public final class Transport implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Transport.class);

	private final Wire wire;

	private final RemoteErrors errors;

	private final int maxFrameBytes;

	private final FrameMemory frameMemory;

	private final Duration frameReadTimeout;

	private final Duration connectTimeout;

	private final DisposableServer server;

	private final DisposableServer unixServer;

	private final String address;

	private final Peers peers;

	private final Supplier<CallRouter> router;

	/** What the node knows of the actor calls that make calls through this transport. */
	private final OutgoingCalls outgoing;

	private final AtomicLong ids = new AtomicLong();

	/** The TLS of TCP connections, {@code null} for plaintext. */
	private final TlsContexts tls;

	private final Authentication authentication;

	private Transport(LocalNode node, String host, int port, String advertised, TransportSettings settings,
			Authentication authentication, Supplier<CallRouter> router) {
		this.router = router;
		this.authentication = authentication;
		this.outgoing = node.outgoing();
		this.wire = new Wire(router, settings.sharedMemoryBytes(), settings.jacksonModules());
		this.untyped = new RemoteTarget.Resolved(null, this.wire.type(Object.class));
		this.errors = new RemoteErrors(settings.exceptionPackages());
		this.maxFrameBytes = settings.maxFrameBytes();
		this.frameMemory = new FrameMemory(settings.incompleteFrameMemory());
		this.frameReadTimeout = settings.frameReadTimeout();
		this.connectTimeout = settings.connectTimeout();
		RequestHandler requests = new RequestHandler(node, this.wire);
		Wire.Receiver receiver = this.wire.receiver(requests::choose);
		this.tls = (settings.tls() != null) ? new TlsContexts(settings.tls(), this.connectTimeout) : null;
		try {
			this.server = tcpServer(server(requests, receiver)).host(host).port(port)
				.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(ex), ex);
		}
		this.address = advertisedAddress(host, ((InetSocketAddress) this.server.address()).getPort(), advertised);
		this.unixServer = settings.unixSockets() ? bindUnixSocket(requests, receiver) : null;
		this.peers = new Peers(this.wire, this.errors, this.connectTimeout, this.unixServer != null, this::frameDecoder,
				node::lostConnection, authentication, this.address, this.tls);
		ErrorPathWarmUp.start(this.wire, this.errors, this.address);
	}

	private TcpServer server(RequestHandler requests, Wire.Receiver receiver) {
		return TcpServer.create()
			.doOnConnection((connection) -> {
				boolean authenticated = this.authentication.authenticated();
				if (authenticated) {
					// first: nothing of the node sees what a peer sends before it proved it knows the token
					connection.addHandlerLast("xoscar-handshake", this.authentication.server(String.valueOf(this.address)));
				}
				connection.addHandlerLast("xoscar-frames", frameDecoder())
					.addHandlerLast("xoscar-flush", new FlushConsolidationHandler(256, true))
					.addHandlerLast("xoscar-requests", new ServerConnection(this.wire, receiver, requests, authenticated));
			})
			// frames are consumed by our handlers; subscribing keeps reactor-netty reading
			.handle((in, out) -> in.receive().then());
	}

	/** With TLS, the TCP server's connections start with its handshake, before everything of ours. */
	private TcpServer tcpServer(TcpServer server) {
		if (this.tls == null) {
			return server;
		}
		TlsRejections rejections = new TlsRejections(this.authentication.rejections());
		return this.tls.secure(server)
			.doOnChannelInit((observer, channel, remote) -> channel.pipeline()
				.addAfter(NettyPipeline.SslHandler, TlsRejections.NAME, rejections));
	}

	/** Same-host peers connect here instead of the TCP port; without native support, TCP only. */
	private DisposableServer bindUnixSocket(RequestHandler requests, Wire.Receiver receiver) {
		if (!UnixSockets.available()) {
			logger.info("No Unix domain sockets on this platform: same-host peers use TCP");
			return null;
		}
		Thread cleaner = new Thread(() -> {
			UnixSockets.deleteStale();
			SharedMemory.deleteStale();
		}, "xoscar-stale-sockets");
		cleaner.setDaemon(true);
		cleaner.start();
		try {
			DomainSocketAddress path = UnixSockets.bindAddress(this.address);
			PeerCredentialsCheck sameUser = new PeerCredentialsCheck(OwnerOnlyDirectory.UID, this.address,
					this.authentication.rejections());
			DisposableServer bound = server(requests, receiver)
				.doOnChannelInit((observer, channel, remote) -> channel.pipeline().addFirst("xoscar-peer-user", sameUser))
				.bindAddress(() -> path)
				.bindNow(Duration.ofSeconds(10));
			try {
				UnixSockets.restrict(path);
			}
			catch (IOException | RuntimeException ex) {
				bound.disposeNow(Duration.ofSeconds(5));
				throw ex;
			}
			return bound;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot listen on a Unix domain socket for {}: same-host peers use TCP ({})", this.address,
					rootMessage(ex));
			return null;
		}
	}

	/**
	 * Starts listening.
	 * @param node the node whose pools are served
	 * @param host the host to bind
	 * @param port the port, 0 for any free one
	 * @param advertised the address to tell peers ({@code host} or {@code host:port}), or
	 * {@code null} for the bound one
	 * @param settings limits and allow-lists
	 * @param router the router that handles received over the wire use
	 * @return the running transport
	 * @throws IllegalStateException if the address cannot be bound (in use, unknown host)
	 */
	public static Transport start(LocalNode node, String host, int port, String advertised, TransportSettings settings,
			Supplier<CallRouter> router) {
		return start(node, host, port, advertised, settings, Authentication.none(), router);
	}

	/**
	 * Starts listening, authenticating connections as given.
	 * @param node the node whose pools are served
	 * @param host the host to bind
	 * @param port the port, 0 for any free one
	 * @param advertised the address to tell peers, or {@code null} for the bound one
	 * @param settings limits and allow-lists
	 * @param authentication how connections, accepted and the node's own, are authenticated
	 * @param router the router that handles received over the wire use
	 * @return the running transport
	 * @throws IllegalStateException if the address cannot be bound (in use, unknown host)
	 */
	public static Transport start(LocalNode node, String host, int port, String advertised, TransportSettings settings,
			Authentication authentication, Supplier<CallRouter> router) {
		return new Transport(node, host, port, advertised, settings, authentication, router);
	}

	/** The advertised host, with its port if it names one (other than 0), else the bound port. */
	static String advertisedAddress(String boundHost, int boundPort, String advertised) {
		if (advertised == null) {
			return boundHost + ":" + boundPort;
		}
		int colon = advertised.lastIndexOf(':');
		if (colon < 0 || advertised.endsWith(":0")) {
			return ((colon < 0) ? advertised : advertised.substring(0, colon)) + ":" + boundPort;
		}
		return advertised;
	}

	/** @return the node's memory for frames still arriving */
	FrameMemory frameMemory() {
		return this.frameMemory;
	}

	private FrameDecoder frameDecoder() {
		return new FrameDecoder(this.maxFrameBytes, this.frameMemory, this.frameReadTimeout);
	}

	static String rootMessage(Throwable error) {
		Throwable root = rootCause(error);
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

	static Throwable rootCause(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	/**
	 * @return the bound address, {@code host:port}
	 */
	public String address() {
		return this.address;
	}

	/**
	 * @param address the pool address
	 * @param uid the actor uid
	 * @param actorClass the actor class if known (then the caller resolves overloads and result types)
	 * @return a target whose calls go over the wire
	 */
	public CallTarget target(String address, String uid, Class<?> actorClass) {
		return new RemoteTarget(this, address, uid, actorClass);
	}

	JavaType type(java.lang.reflect.Type type) {
		return this.wire.type(type);
	}

	/** Signatures and result types per method, computed once: they are on every remote call's path. */
	private final Map<MethodInfo, RemoteTarget.Resolved> resolved = new ConcurrentHashMap<>();

	private final RemoteTarget.Resolved untyped;

	RemoteTarget.Resolved untyped() {
		return this.untyped;
	}

	RemoteTarget.Resolved resolved(MethodInfo method) {
		return this.resolved.computeIfAbsent(method,
				(key) -> new RemoteTarget.Resolved(key.signature(),
						type(RemoteTarget.resultType(key.method().getGenericReturnType()))));
	}

	OutgoingCalls outgoing() {
		return this.outgoing;
	}

	/** @return an id for a request, unique on each of this node's connections */
	long nextId() {
		return this.ids.incrementAndGet();
	}

	/**
	 * @param address the pool (or node) address the frame goes to
	 * @param frame a request, or a frame that expects no answer
	 * @param resultType how to decode the answer (for a batch: of each element)
	 * @param batch whether the answer is a list of results
	 * @return the answer; for frames without one, completes when the frame is written
	 */
	CompletableFuture<Object> request(String address, Frame frame, JavaType resultType, boolean batch) {
		return this.peers.request(PoolAddresses.nodeAddress(address), frame, resultType, batch);
	}

	Flux<Object> stream(String address, Frame.Call frame, JavaType itemType) {
		return this.peers.stream(PoolAddresses.nodeAddress(address), frame, itemType);
	}

	/**
	 * @param nodeAddress a peer node
	 * @return how this node is connected to it now: "unix", "tcp", or "none"
	 */
	public String channelTo(String nodeAddress) {
		return this.peers.channelTo(nodeAddress);
	}

	public CompletableFuture<String> create(String address, Class<?> type, String uid, Object[] args) {
		return request(address, Frame.Create.of(nextId(), address, uid, type.getName(), args), type(String.class), false)
			.thenApply(String.class::cast);
	}

	public CompletableFuture<Void> destroy(String address, String uid) {
		return request(address, new Frame.Destroy(nextId(), address, uid), type(Object.class), false)
			.thenApply((ignored) -> null);
	}

	public CompletableFuture<Void> kill(String address, String uid) {
		return request(address, new Frame.Kill(nextId(), address, uid), type(Object.class), false)
			.thenApply((ignored) -> null);
	}

	/**
	 * @param address a node
	 * @return the actors of the node's pools in its JVM
	 */
	@SuppressWarnings("unchecked")
	public CompletableFuture<List<ActorSystem.ActorInfo>> actors(String address) {
		return request(address, new Frame.Actors(nextId(), address), this.wire.listOf(ActorSystem.ActorInfo.class), false)
			.thenApply((value) -> (List<ActorSystem.ActorInfo>) value);
	}

	/**
	 * Tells a node (a process pool's parent) what this node detected; nothing is answered.
	 * @param address the node
	 * @param event a deadlock or an alert
	 * @return completes when the report is handed to the connection
	 */
	public CompletableFuture<Object> report(String address, DebugEvent event) {
		return request(address, new Frame.Report(event), type(Object.class), false);
	}

	/**
	 * @param address a process pool's node
	 * @return its mailbox depths and call counts
	 */
	public CompletableFuture<PoolStatus> status(String address) {
		return request(address, new Frame.Status(nextId(), address), type(PoolStatus.class), false)
			.thenApply(PoolStatus.class::cast);
	}

	public CompletableFuture<Boolean> has(String address, String uid) {
		return request(address, new Frame.Has(nextId(), address, uid), type(Boolean.class), false)
			.thenApply(Boolean.class::cast);
	}

	/**
	 * @return the actor's pool address and class name
	 */
	@SuppressWarnings("unchecked")
	public CompletableFuture<List<String>> resolve(String address, String uid) {
		return request(address, new Frame.Resolve(nextId(), address, uid), type(List.class), false)
			.thenApply((value) -> (List<String>) value);
	}

	/** @return the TLS material of new TCP connections, {@code null} for plaintext */
	public TlsConfig tls() {
		return (this.tls != null) ? this.tls.config() : null;
	}

	/**
	 * Replaces the TLS material of the TCP connections made from now on, served and dialed; those
	 * open keep theirs.
	 * @param config the new key and trust material
	 * @throws IllegalStateException if this transport was started without TLS
	 * @throws IllegalArgumentException if the material does not make a TLS context
	 */
	public void replaceTls(TlsConfig config) {
		if (this.tls == null) {
			throw new IllegalStateException("node " + this.address + " was started without TLS: its TLS material "
					+ "cannot be replaced");
		}
		this.tls.replace(config);
	}

	/**
	 * Deletes the Unix socket file of a node that is gone without closing its transport (a child JVM
	 * halts when its parent goes away, or is killed).
	 * @param nodeAddress the node's address
	 */
	public static void deleteUnixSocket(String nodeAddress) {
		try {
			Files.deleteIfExists(UnixSockets.path(nodeAddress));
		}
		catch (IOException ex) {
			logger.debug("Cannot delete the Unix socket of {}", nodeAddress, ex);
		}
	}

	@Override
	public void close() {
		this.peers.close();
		this.server.disposeNow(Duration.ofSeconds(5));
		if (this.unixServer != null) {
			this.unixServer.disposeNow(Duration.ofSeconds(5));
			deleteUnixSocket(this.address);
		}
	}

	/** @return the deadlines of the node's calls, which bound the calls sent to other processes */
	Deadlines deadlines() {
		return this.router.get().deadlines();
	}

}
