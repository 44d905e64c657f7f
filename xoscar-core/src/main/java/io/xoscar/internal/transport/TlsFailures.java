package io.xoscar.internal.transport;

import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Says in words why a TLS connection failed, for the caller of the first request and for the log:
 * a peer that does not speak TLS, a certificate that is not trusted or does not name the host
 * dialed, a peer that refused this node's certificate (or the lack of one), a handshake that took
 * too long.
 */
final class TlsFailures {

	private TlsFailures() {
	}

	/**
	 * @param nodeAddress the node dialed
	 * @param error what the connection failed with
	 * @return why, or {@code null} if it is no TLS failure
	 */
	static @Nullable String dialed(String nodeAddress, Throwable error) {
		if (find(error, SslHandshakeTimeoutException.class) != null) {
			return "the TLS handshake with the node at " + nodeAddress + " did not finish in time ("
					+ find(error, SslHandshakeTimeoutException.class).getMessage() + ")";
		}
		if (find(error, NotSslRecordException.class) != null) {
			return "the node at " + nodeAddress + " does not speak TLS (it answered in plaintext): is TLS configured "
					+ "there?";
		}
		CertificateException certificate = find(error, CertificateException.class);
		if (certificate != null) {
			String reason = Transport.rootMessage(certificate);
			if (hostnameMismatch(reason)) {
				return "the certificate of the node at " + nodeAddress + " does not name the host dialed "
						+ "(hostname verification is on): " + reason;
			}
			return "the certificate of the node at " + nodeAddress + " is not trusted: " + reason;
		}
		SSLException ssl = find(error, SSLException.class);
		if (ssl == null) {
			return null;
		}
		String reason = Transport.rootMessage(ssl);
		String lower = reason.toLowerCase(Locale.ROOT);
		if (lower.contains("certificate") || lower.contains("unknown_ca") || lower.contains("alert")) {
			return "the node at " + nodeAddress + " refused this node in the TLS handshake (mutual TLS: it requires "
					+ "a client certificate it trusts): " + reason;
		}
		if (lower.contains("verify") || lower.contains("pkix")) {
			return "the certificate of the node at " + nodeAddress + " is not trusted: " + reason;
		}
		return "the TLS handshake with the node at " + nodeAddress + " failed: " + reason;
	}

	/**
	 * @param error what an accepted connection's handshake failed with
	 * @return why, for the log
	 */
	static String accepted(Throwable error) {
		if (find(error, NotSslRecordException.class) != null) {
			return "it does not speak TLS";
		}
		if (find(error, SslHandshakeTimeoutException.class) != null) {
			return "its TLS handshake did not finish in time";
		}
		CertificateException certificate = find(error, CertificateException.class);
		String reason = Transport.rootMessage((certificate != null) ? certificate : error);
		if (certificate != null) {
			return "its certificate is not trusted: " + reason;
		}
		if (reason.toLowerCase(Locale.ROOT).contains("peer_did_not_return_a_certificate")
				|| reason.toLowerCase(Locale.ROOT).contains("empty client certificate")
				|| reason.toLowerCase(Locale.ROOT).contains("certificate_required")) {
			return "it presented no certificate (mutual TLS is on): " + reason;
		}
		if (reason.toLowerCase(Locale.ROOT).contains("alert")) {
			return "it aborted the TLS handshake (it may not trust this node's certificate, or its host name): "
					+ reason;
		}
		return "its TLS handshake failed: " + reason;
	}

	private static boolean hostnameMismatch(String reason) {
		String lower = reason.toLowerCase(Locale.ROOT);
		return lower.contains("subject alternative") || lower.contains("no name matching")
				|| lower.contains("hostname") || lower.contains("does not match");
	}

	private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
		for (Throwable current = error; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
