package io.xoscar.internal.transport;

import java.time.Duration;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import reactor.netty.tcp.SslProvider;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

import io.xoscar.config.TlsConfig;

/**
 * The TLS of a node's TCP connections: the server's and the client's contexts, made from a
 * {@link TlsConfig} with the OpenSSL (BoringSSL) engine when netty-tcnative is present, the JDK's
 * otherwise. {@link #replace(TlsConfig)} swaps both for the connections made after it (the server
 * picks its context per accepted connection, as Spring Boot's Netty server does for its SSL bundle
 * reloads); connections already open keep theirs.
 */
final class TlsContexts {

	private final Duration handshakeTimeout;

	private volatile Contexts current;

	/**
	 * @param config the key and trust material
	 * @param handshakeTimeout how long a TLS handshake may take before its connection is closed
	 */
	TlsContexts(TlsConfig config, Duration handshakeTimeout) {
		this.handshakeTimeout = handshakeTimeout;
		this.current = contexts(config);
	}

	/** @return whether the OpenSSL engine is used */
	static boolean openSsl() {
		return OpenSsl.isAvailable();
	}

	/** @return the material new connections use */
	TlsConfig config() {
		return this.current.config;
	}

	/**
	 * @param config the material for new connections, served and dialed
	 * @throws IllegalArgumentException if it does not make a TLS context
	 */
	void replace(TlsConfig config) {
		this.current = contexts(config);
	}

	TcpServer secure(TcpServer server) {
		Contexts first = this.current;
		return server.secure((spec) -> spec.sslContext(first.server.getSslContext())
			.handshakeTimeout(this.handshakeTimeout)
			.setSniAsyncMappings((serverName, promise) -> promise.setSuccess(this.current.server)));
	}

	TcpClient secure(TcpClient client) {
		return client.secure(this.current.client);
	}

	private Contexts contexts(TlsConfig config) {
		io.netty.handler.ssl.SslProvider engine = openSsl() ? io.netty.handler.ssl.SslProvider.OPENSSL
				: io.netty.handler.ssl.SslProvider.JDK;
		try {
			SslContext server = SslContextBuilder.forServer(config.keyManagerFactory())
				.trustManager(config.trustManagerFactory())
				.clientAuth((config.clientAuth() == TlsConfig.ClientAuth.NEED) ? ClientAuth.REQUIRE : ClientAuth.NONE)
				.protocols(config.protocols())
				.sslProvider(engine)
				.build();
			SslContext client = SslContextBuilder.forClient()
				.keyManager(config.keyManagerFactory())
				.trustManager(config.trustManagerFactory())
				.protocols(config.protocols())
				.endpointIdentificationAlgorithm(config.verifyHostname() ? "HTTPS" : null)
				.sslProvider(engine)
				.build();
			return new Contexts(config, provider(server, null), provider(client, config.verifyHostname()));
		}
		catch (SSLException | RuntimeException ex) {
			throw new IllegalArgumentException("the TLS material does not make a TLS context: " + ex.getMessage(), ex);
		}
	}

	private SslProvider provider(SslContext context, Boolean verifyHostname) {
		SslProvider.Builder builder = SslProvider.builder().sslContext(context).handshakeTimeout(this.handshakeTimeout);
		if (verifyHostname != null) {
			// replaces reactor-netty's default for clients, which always verifies
			builder.handlerConfigurator((handler) -> endpointIdentification(handler, verifyHostname));
		}
		return builder.build();
	}

	private static void endpointIdentification(SslHandler handler, boolean verifyHostname) {
		SSLEngine engine = handler.engine();
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
		engine.setSSLParameters(parameters);
	}

	private record Contexts(TlsConfig config, SslProvider server, SslProvider client) {
	}

}
