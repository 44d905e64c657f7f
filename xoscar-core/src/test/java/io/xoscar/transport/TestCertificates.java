package io.xoscar.transport;

import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import io.xoscar.config.TlsConfig;

/**
 * Certificates made at test time (netty-pkitesting, no files): an authority, and node
 * certificates it signs for the hosts a test dials.
 */
public final class TestCertificates {

	private TestCertificates() {
	}

	/**
	 * @param name the authority's common name
	 * @return a self-signed certificate authority
	 */
	public static X509Bundle authority(String name) {
		try {
			return base().subject("CN=" + name).setIsCertificateAuthority(true).buildSelfSigned();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param authority who signs it
	 * @param name the node's common name
	 * @param hosts the IP addresses (with a digit first) and DNS names it is for
	 * @return the node's certificate and key
	 */
	public static X509Bundle node(X509Bundle authority, String name, String... hosts) {
		CertificateBuilder builder = base().subject("CN=" + name)
			.addExtendedKeyUsageServerAuth()
			.addExtendedKeyUsageClientAuth();
		for (String host : hosts) {
			if (Character.isDigit(host.charAt(0))) {
				builder.addSanIpAddress(host);
			}
			else {
				builder.addSanDnsName(host);
			}
		}
		try {
			return builder.buildIssuedBy(authority);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param node the node's certificate and key
	 * @param trusted the authorities (or certificates) it trusts
	 * @return TLS with them
	 */
	public static TlsConfig tls(X509Bundle node, X509Bundle... trusted) {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			for (int i = 0; i < trusted.length; i++) {
				trust.setCertificateEntry("trusted-" + i, trusted[i].getCertificate());
			}
			char[] password = "key-password".toCharArray();
			return TlsConfig.of(node.toKeyStore(password), password, trust);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @return PEM texts of a node's chain, key and trusted authorities, read by {@link TlsConfig#fromPem} */
	public static TlsConfig pem(X509Bundle node, X509Bundle authority) {
		return TlsConfig.fromPem(node.getCertificatePathPEM(), node.getPrivateKeyPEM(), authority.getCertificatePEM());
	}

	private static CertificateBuilder base() {
		Instant now = Instant.now();
		return new CertificateBuilder().ecp256()
			.notBefore(now.minus(1, ChronoUnit.HOURS))
			.notAfter(now.plus(1, ChronoUnit.DAYS));
	}

}
