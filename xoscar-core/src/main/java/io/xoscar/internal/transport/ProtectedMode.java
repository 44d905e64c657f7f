package io.xoscar.internal.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.xoscar.config.SecurityConfig;

/**
 * Protected mode, as Redis has it: a node that listens beyond loopback must authenticate its
 * connections, or be told explicitly that it need not. Otherwise anyone who reaches its port could
 * create, call and destroy its actors.
 */
public final class ProtectedMode {

	private ProtectedMode() {
	}

	/**
	 * @param host the host the node binds
	 * @param address the node's address, for the message
	 * @param security the node's security settings
	 * @throws IllegalStateException if the node would listen beyond loopback unauthenticated
	 */
	public static void check(String host, String address, SecurityConfig security) {
		if (security.authenticated() || security.mutualTls() || security.allowUnauthenticated() || loopback(host)) {
			return;
		}
		throw new IllegalStateException("Refusing to start a node at " + address + ": it would listen on the "
				+ "non-loopback address " + host + " without authenticating connections, so anyone who reaches it could "
				+ "create, call and destroy its actors. Set a token shared by all nodes (xoscar.security.token, or "
				+ "ActorSystemConfig.builder().token(..)) or use mutual TLS (xoscar.security.tls.bundle with "
				+ "xoscar.security.tls.client-auth=need), or allow unauthenticated connections explicitly "
				+ "(xoscar.security.allow-unauthenticated=true, or allowUnauthenticated(true))");
	}

	/** @return whether every address the host stands for is a loopback one */
	static boolean loopback(String host) {
		try {
			InetAddress[] addresses = InetAddress.getAllByName(host);
			for (InetAddress address : addresses) {
				if (!address.isLoopbackAddress()) {
					return false;
				}
			}
			return addresses.length > 0;
		}
		catch (UnknownHostException ex) {
			// binding fails with its own message
			return true;
		}
	}

}
