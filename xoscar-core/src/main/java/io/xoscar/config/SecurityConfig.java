package io.xoscar.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a node proves itself to other nodes and checks them: part of an {@link ActorSystemConfig}.
 * Its {@link #toString()} never shows the token.
 *
 * @param token the secret every node of the application shares: with one, each connection (TCP and
 * Unix socket) starts with a challenge–response handshake in both directions (the token never
 * crosses the wire) and a peer that cannot prove it knows the same token is refused before it
 * reaches anything of the node; {@code null} for none (connections are not authenticated)
 * @param allowUnauthenticated whether the node may listen on a non-loopback address without a token
 * (protected mode: by default such a node refuses to start)
 * @param handshakeTimeout how long a new connection may take to complete the handshake before it is
 * closed (only with a token)
 * @param maxPendingHandshakes how many accepted connections may be in the handshake at once; the
 * next one is closed at once (only with a token)
 * @param tls the TLS of the node's TCP connections (encryption, the peers it trusts, mutual TLS),
 * {@code null} for plaintext
 */
public record SecurityConfig(@Nullable String token, boolean allowUnauthenticated, Duration handshakeTimeout,
		int maxPendingHandshakes, @Nullable TlsConfig tls) {

	/** How long a handshake may take by default. */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

	/** How many connections may be in the handshake at once by default. */
	public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 64;

	/** No token, protected mode on, default limits. */
	public static final SecurityConfig NONE = new SecurityConfig(null, false, DEFAULT_HANDSHAKE_TIMEOUT,
			DEFAULT_MAX_PENDING_HANDSHAKES, null);

	public SecurityConfig {
		if (token != null && token.isEmpty()) {
			throw new IllegalArgumentException("token must not be empty (null for none)");
		}
		Durations.positive("handshakeTimeout", handshakeTimeout);
		if (maxPendingHandshakes < 1) {
			throw new IllegalArgumentException("maxPendingHandshakes must be at least 1, was " + maxPendingHandshakes);
		}
	}

	/**
	 * Without TLS.
	 * @param token the shared secret, {@code null} for none
	 * @param allowUnauthenticated whether the node may listen beyond loopback unauthenticated
	 * @param handshakeTimeout how long the handshake may take
	 * @param maxPendingHandshakes how many accepted connections may be in the handshake at once
	 */
	public SecurityConfig(@Nullable String token, boolean allowUnauthenticated, Duration handshakeTimeout,
			int maxPendingHandshakes) {
		this(token, allowUnauthenticated, handshakeTimeout, maxPendingHandshakes, null);
	}

	/** @return whether TCP peers must present a certificate this node trusts (mutual TLS) */
	public boolean mutualTls() {
		return this.tls != null && this.tls.clientAuth() == TlsConfig.ClientAuth.NEED;
	}

	/** @return whether connections are authenticated with a token */
	public boolean authenticated() {
		return this.token != null;
	}

	@Override
	public String toString() {
		return "SecurityConfig[token=" + ((this.token != null) ? "******" : "none") + ", allowUnauthenticated="
				+ this.allowUnauthenticated + ", handshakeTimeout=" + this.handshakeTimeout + ", maxPendingHandshakes="
				+ this.maxPendingHandshakes + ", tls=" + ((this.tls != null) ? this.tls : "none") + "]";
	}

}
