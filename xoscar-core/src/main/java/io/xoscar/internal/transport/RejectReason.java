package io.xoscar.internal.transport;

/**
 * Why a node refused a connection before it reached anything of the node: the {@code reason} tag of
 * the {@code xoscar.transport.rejected} counter.
 */
public enum RejectReason {

	/** The peer did not start with the handshake, sent something else or something too big. */
	NO_HANDSHAKE("no-handshake"),

	/** The peer's proof did not match the token. */
	BAD_PROOF("bad-proof"),

	/** The peer did not finish the handshake in time. */
	TIMEOUT("timeout"),

	/** Too many connections were in the handshake already. */
	TOO_MANY_PENDING("too-many-pending"),

	/** The TLS handshake of a TCP connection failed (a plaintext peer, an untrusted or missing certificate). */
	TLS("tls"),

	/** A Unix socket peer runs as another user. */
	OTHER_USER("other-user");

	private final String tag;

	RejectReason(String tag) {
		this.tag = tag;
	}

	/** @return the meter tag's value */
	public String tag() {
		return this.tag;
	}

}
