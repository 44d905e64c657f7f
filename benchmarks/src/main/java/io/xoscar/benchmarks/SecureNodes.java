package io.xoscar.benchmarks;

import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.TlsConfig;

/**
 * How the benchmarks' nodes are secured, by name: {@code plain} (no token, no TLS), {@code token}
 * (the token handshake), {@code tls} (TLS, server certificate only), {@code mtls} (mutual TLS) and
 * {@code token+tls}. Certificates are made once per JVM by an authority of its own (netty-pkitesting),
 * ECDSA P-256, for 127.0.0.1.
 */
final class SecureNodes {

	static final String TOKEN = "benchmark-token-0123456789abcdef";

	private static final X509Bundle AUTHORITY = authority();

	private static final X509Bundle NODE = node();

	private SecureNodes() {
	}

	/**
	 * @param security the name of the case
	 * @param config the builder to secure
	 * @return the builder
	 */
	static ActorSystemConfig.Builder secure(String security, ActorSystemConfig.Builder config) {
		switch (security) {
			case "plain" -> {
			}
			case "token" -> config.token(TOKEN);
			case "tls" -> config.tls(tls());
			case "mtls" -> config.tls(tls().withClientAuth(TlsConfig.ClientAuth.NEED));
			case "token+tls" -> config.token(TOKEN).tls(tls());
			default -> throw new IllegalArgumentException(
					"security must be plain, token, tls, mtls or token+tls, was " + security);
		}
		return config;
	}

	/** @return whether the case encrypts (then it is measured over TCP only) */
	static boolean encrypts(String security) {
		return security.contains("tls");
	}

	private static TlsConfig tls() {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("authority", AUTHORITY.getCertificate());
			char[] password = "benchmark".toCharArray();
			return TlsConfig.of(NODE.toKeyStore(password), password, trust);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make the benchmark's TLS material", ex);
		}
	}

	private static X509Bundle authority() {
		try {
			return base().subject("CN=xoscar benchmark authority").setIsCertificateAuthority(true).buildSelfSigned();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Bundle node() {
		try {
			return base().subject("CN=xoscar benchmark node")
				.addExtendedKeyUsageServerAuth()
				.addExtendedKeyUsageClientAuth()
				.addSanIpAddress("127.0.0.1")
				.addSanDnsName("localhost")
				.buildIssuedBy(AUTHORITY);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CertificateBuilder base() {
		Instant now = Instant.now();
		return new CertificateBuilder().ecp256()
			.notBefore(now.minus(1, ChronoUnit.HOURS))
			.notAfter(now.plus(1, ChronoUnit.DAYS));
	}

}
