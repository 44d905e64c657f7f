package io.xoscar.internal.transport;

import java.io.FileNotFoundException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.flush.FlushConsolidationHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.netty.tcp.TcpClient;
import tools.jackson.databind.JavaType;

import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.AbortableFuture;

/**
 * A node's outgoing connections: one per peer node, over its Unix socket when it is on this host
 * (and the node uses them) else TCP, opened on first use and again after it is lost; requests made
 * while one opens wait for it in order.
 */
final class Peers {

	private final ConcurrentMap<String, Connecting> peers = new ConcurrentHashMap<>();

	private final Wire wire;

	private final RemoteErrors errors;

	private final Duration connectTimeout;

	private final boolean unixSockets;

	private final Supplier<FrameDecoder> frameDecoders;

	private final PeerConnection.Losses losses;

	/** The TLS of TCP connections, {@code null} for plaintext. */
	private final TlsContexts tls;

	private final Authentication authentication;

	/** This node's address, which the handshake carries. */
	private final String localAddress;

	Peers(Wire wire, RemoteErrors errors, Duration connectTimeout, boolean unixSockets,
			Supplier<FrameDecoder> frameDecoders, PeerConnection.Losses losses, Authentication authentication,
			String localAddress, TlsContexts tls) {
		this.losses = losses;
		this.authentication = authentication;
		this.localAddress = localAddress;
		this.tls = tls;
		this.wire = wire;
		this.errors = errors;
		this.connectTimeout = connectTimeout;
		this.unixSockets = unixSockets;
		this.frameDecoders = frameDecoders;
	}

	/**
	 * @param nodeAddress the peer node the frame goes to
	 * @return the answer; for frames without one, completes when the frame is written
	 */
	CompletableFuture<Object> request(String nodeAddress, Frame frame, JavaType resultType, boolean batch) {
		Connecting connection = connection(nodeAddress);
		if (connection.isReady()) {
			return connection.join().request(frame, resultType, batch);
		}
		AfterConnect call = new AfterConnect();
		connection.then(() -> {
			PeerConnection peer;
			try {
				peer = connection.join();
			}
			catch (CompletionException ex) {
				call.completeExceptionally(ex.getCause());
				return;
			}
			call.forward(peer.request(frame, resultType, batch));
		});
		return call;
	}

	/**
	 * @param nodeAddress the peer node the stream's request goes to
	 * @param frame the {@link FrameType#STREAM} request
	 * @param itemType how to decode its items
	 * @return the items, the request sent on subscription (once the connection is open)
	 */
	Flux<Object> stream(String nodeAddress, Frame.Call frame, JavaType itemType) {
		// the connection is shared: a subscriber cancelling while it opens does not cancel it
		return Mono.fromFuture(() -> connection(nodeAddress), true)
			.onErrorMap(CompletionException.class, (error) -> (error.getCause() != null) ? error.getCause() : error)
			.flatMapMany((peer) -> Flux.from((subscriber) -> peer.stream(frame, itemType,
					Operators.toCoreSubscriber(subscriber))));
	}

	/** A request waiting for its connection: cancelling it cancels the request once it is sent. */
	private static final class AfterConnect extends AbortableFuture {

		private volatile CompletableFuture<Object> request;

		void forward(CompletableFuture<Object> request) {
			this.request = request;
			if (isDone()) {
				request.cancel(true);
				return;
			}
			request.whenComplete((value, error) -> {
				if (error != null) {
					completeExceptionally(error);
				}
				else {
					complete(value);
				}
			});
		}

		@Override
		protected void cancelWork() {
			CompletableFuture<Object> sent = this.request;
			if (sent != null) {
				sent.cancel(true);
			}
		}

	}

	private Connecting connection(String nodeAddress) {
		Connecting current = this.peers.get(nodeAddress);
		if (current != null && (!current.isDone() || (!current.isCompletedExceptionally() && current.join().isOpen()))) {
			return current;
		}
		Connecting fresh = new Connecting();
		Connecting winner = (current == null) ? this.peers.putIfAbsent(nodeAddress, fresh)
				: (this.peers.replace(nodeAddress, current, fresh) ? null : this.peers.get(nodeAddress));
		if (winner != null) {
			return winner;
		}
		connect(nodeAddress, fresh, this.unixSockets);
		return fresh;
	}

	private void connect(String nodeAddress, Connecting result, boolean unix) {
		SocketAddress remote;
		try {
			remote = unix ? UnixSockets.peerAddress(nodeAddress) : null;
			if (remote == null) {
				int colon = nodeAddress.lastIndexOf(':');
				remote = InetSocketAddress.createUnresolved(nodeAddress.substring(0, colon),
						Integer.parseInt(nodeAddress.substring(colon + 1)));
			}
		}
		catch (RuntimeException ex) {
			failConnect(nodeAddress, result, new IllegalArgumentException("malformed address " + nodeAddress, ex));
			return;
		}
		SocketAddress target = remote;
		PeerConnection peer = new PeerConnection(nodeAddress, (target instanceof InetSocketAddress) ? "tcp" : "unix",
				this.wire, this.errors, this.connectTimeout, this.losses);
		peer.opened().whenComplete((opened, error) -> {
			if (error == null) {
				result.complete(opened);
			}
			else {
				failConnect(nodeAddress, result, error);
			}
		});
		TcpClient client = TcpClient.newConnection();
		if (this.tls != null && target instanceof InetSocketAddress) {
			// over TCP the TLS handshake comes first: the connection is there once it succeeded
			client = this.tls.secure(client);
		}
		client.remoteAddress(() -> target)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.connectTimeout.toMillis())
			.doOnConnected((connection) -> {
				// first: checks the peer (with a token: proves this node to it) before any frame is read
				connection.addHandlerLast("xoscar-handshake", this.authentication.client(this.localAddress, nodeAddress, peer))
					.addHandlerLast("xoscar-frames", this.frameDecoders.get())
					.addHandlerLast("xoscar-flush", new FlushConsolidationHandler(256, true))
					.addHandlerLast("xoscar-answers", peer);
				if (!this.authentication.authenticated()) {
					peer.attach(connection.channel());
				}
			})
			// frames are consumed by our handlers; subscribing keeps reactor-netty reading
			.handle((in, out) -> in.receive().then())
			.connect()
			.subscribe((connection) -> {
			}, (error) -> {
				if (target instanceof DomainSocketAddress && Transport.rootCause(error) instanceof FileNotFoundException) {
					// the socket file went between looking and dialing (its node stopped, or restarts at
					// the same address): TCP tells which
					connect(nodeAddress, result, false);
				}
				else {
					failConnect(nodeAddress, result, error);
				}
			});
	}

	/**
	 * @param nodeAddress a peer node
	 * @return how this node is connected to it now: "unix", "tcp", or "none"
	 */
	String channelTo(String nodeAddress) {
		CompletableFuture<PeerConnection> peer = this.peers.get(nodeAddress);
		if (peer == null || !peer.isDone() || peer.isCompletedExceptionally() || !peer.join().isOpen()) {
			return "none";
		}
		return peer.join().kind();
	}

	private void failConnect(String nodeAddress, Connecting result, Throwable error) {
		this.peers.remove(nodeAddress, result);
		String tlsFailure = TlsFailures.dialed(nodeAddress, error);
		result.completeExceptionally(new PoolDownException("cannot connect to actor pool at " + nodeAddress + ": "
				+ ((tlsFailure != null) ? tlsFailure : Transport.rootMessage(error)), error));
	}

	void close() {
		this.peers.values().forEach((peer) -> peer.thenAccept(PeerConnection::close));
	}

}
