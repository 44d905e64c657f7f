package io.xoscar.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key stores made of PEM texts, with the JDK alone: X.509 certificates and unencrypted PKCS#8
 * private keys (RSA, EC, EdDSA).
 */
final class PemMaterial {

	private static final Pattern PRIVATE_KEY = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

	private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS");

	private PemMaterial() {
	}

	static KeyStore keyStore(String certificateChain, String privateKey) {
		List<Certificate> chain = certificates("certificate chain", certificateChain);
		KeyStore store = emptyStore();
		try {
			store.setKeyEntry("xoscar", privateKey(privateKey), new char[0], chain.toArray(new Certificate[0]));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("the private key does not fit the certificate chain: " + ex.getMessage(),
					ex);
		}
		return store;
	}

	static KeyStore trustStore(String trustedCertificates) {
		List<Certificate> trusted = certificates("trusted certificates", trustedCertificates);
		KeyStore store = emptyStore();
		try {
			for (int i = 0; i < trusted.size(); i++) {
				store.setCertificateEntry("trusted-" + i, trusted.get(i));
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return store;
	}

	private static List<Certificate> certificates(String what, String pem) {
		try {
			List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException("the " + what + " hold no PEM certificate");
			}
			return certificates;
		}
		catch (CertificateException ex) {
			throw new IllegalArgumentException("the " + what + " do not parse as PEM certificates: " + ex.getMessage(),
					ex);
		}
	}

	private static PrivateKey privateKey(String pem) {
		Matcher matcher = PRIVATE_KEY.matcher(pem);
		if (!matcher.find()) {
			throw new IllegalArgumentException("the private key is not an unencrypted PKCS#8 PEM block (-----BEGIN "
					+ "PRIVATE KEY-----); convert it with 'openssl pkcs8 -topk8 -nocrypt'");
		}
		byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
		for (String algorithm : KEY_ALGORITHMS) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// not this algorithm: try the next
			}
		}
		throw new IllegalArgumentException("the private key is none of " + KEY_ALGORITHMS);
	}

	private static KeyStore emptyStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
