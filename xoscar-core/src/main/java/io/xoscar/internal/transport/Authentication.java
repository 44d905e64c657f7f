package io.xoscar.internal.transport;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.xoscar.config.SecurityConfig;

/**
 * How a node's connections are authenticated: with a token, each starts with the {@link Handshake}
 * ({@link ServerHandshake} on accepted connections, {@link ClientHandshake} on the node's own) before
 * any frame; without one, the node's own connections only check that the peer does not expect one.
 * Holds the key (never the token's text), the count of accepted connections still in the handshake
 * and the node's {@link Rejections}.
 */
public final class Authentication {

	private final @Nullable SecretKeySpec key;

	private final Duration timeout;

	private final int maxPending;

	private final AtomicInteger pending = new AtomicInteger();

	private final SecureRandom random = new SecureRandom();

	private final Rejections rejections;

	private Authentication(@Nullable SecretKeySpec key, Duration timeout, int maxPending, Rejections rejections) {
		this.key = key;
		this.timeout = timeout;
		this.maxPending = maxPending;
		this.rejections = rejections;
	}

	/**
	 * @param security the node's security settings
	 * @param meters where the node counts refused connections, or {@code null}
	 * @return how the node's connections are authenticated
	 */
	public static Authentication of(SecurityConfig security, @Nullable MeterRegistry meters) {
		return new Authentication((security.token() != null) ? Handshake.key(security.token()) : null,
				security.handshakeTimeout(), security.maxPendingHandshakes(), new Rejections(meters));
	}

	/** @return no token: connections are not authenticated */
	public static Authentication none() {
		return of(SecurityConfig.NONE, null);
	}

	/** @return whether connections start with the token handshake */
	boolean authenticated() {
		return this.key != null;
	}

	/** @return where the node's refused connections are logged and counted */
	public Rejections rejections() {
		return this.rejections;
	}

	/** @return a handler for an accepted connection, first in its pipeline (only with a token) */
	ServerHandshake server(String nodeAddress) {
		return new ServerHandshake(this, Handshake.address(nodeAddress));
	}

	/** @return a handler for one of the node's own connections, first in its pipeline */
	ClientHandshake client(String nodeAddress, String peer, ClientHandshake.Outcome outcome) {
		return new ClientHandshake(this, Handshake.address(nodeAddress), peer, outcome);
	}

	SecretKeySpec key() {
		return this.key;
	}

	Duration timeout() {
		return this.timeout;
	}

	byte[] nonce() {
		byte[] nonce = new byte[Handshake.NONCE_BYTES];
		this.random.nextBytes(nonce);
		return nonce;
	}

	/** @return whether another accepted connection may start its handshake; if so, it holds a place */
	boolean enterHandshake() {
		if (this.pending.incrementAndGet() > this.maxPending) {
			this.pending.decrementAndGet();
			return false;
		}
		return true;
	}

	void leaveHandshake() {
		this.pending.decrementAndGet();
	}

	int maxPending() {
		return this.maxPending;
	}

}
