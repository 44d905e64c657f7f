package io.xoscar.internal.transport;

/**
 * Where a transport reports each connection it refuses, by reason (the tag of the
 * {@code xoscar.transport.rejected} counter). Called on the refused connection's event loop, only
 * on refusal.
 */
@FunctionalInterface
public interface Rejections {

	/** A Unix socket connection from a process of another user. */
	String OTHER_USER = "other-user";

	/** Counts nothing: the refusal is only logged. */
	Rejections NONE = (reason) -> {
	};

	/**
	 * @param reason why the connection was refused, e.g. {@link #OTHER_USER}
	 */
	void rejected(String reason);

}
