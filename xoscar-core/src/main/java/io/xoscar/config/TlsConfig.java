package io.xoscar.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * How a node encrypts its TCP connections (served and dialed) with TLS, and which peers it trusts:
 * its own key and certificate chain, the certificates it trusts, whether it asks peers for their
 * certificate (mutual TLS), whether it checks that a dialed node's certificate names the host
 * dialed, and the protocol versions. Connections over Unix domain sockets stay on this host and
 * are not encrypted (they are owner-only).
 * <p>
 * Made with {@link #of(KeyStore, char[], KeyStore)} or {@link #fromPem(String, String, String)};
 * the {@code with...} methods return copies. Its {@link #toString()} shows no key material.
 */
public final class TlsConfig {

	/** Whether a node asks the nodes that connect to it for their certificate. */
	public enum ClientAuth {

		/** Connecting nodes are not asked for a certificate: only the served node proves itself. */
		NONE,

		/** Connecting nodes must present a certificate this node trusts (mutual TLS). */
		NEED

	}

	/** The protocol versions by default: TLS 1.3, and 1.2 for peers without it. */
	public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private final KeyStore keyStore;

	private final char[] keyPassword;

	private final KeyStore trustStore;

	private final ClientAuth clientAuth;

	private final boolean verifyHostname;

	private final List<String> protocols;

	private TlsConfig(KeyStore keyStore, char[] keyPassword, KeyStore trustStore, ClientAuth clientAuth,
			boolean verifyHostname, List<String> protocols) {
		this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
		this.keyPassword = keyPassword.clone();
		this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
		this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
		this.verifyHostname = verifyHostname;
		if (protocols.isEmpty()) {
			throw new IllegalArgumentException("protocols must name at least one TLS version");
		}
		this.protocols = List.copyOf(protocols);
	}

	/**
	 * @param keyStore the node's private key with its certificate chain (a key entry; with several,
	 * the key manager picks one per connection)
	 * @param keyPassword the password of the key entry, {@code null} for none
	 * @param trustStore the certificates of the nodes (or of the authorities that sign theirs) this
	 * node trusts
	 * @return TLS with these, no client authentication, hostname verification on, TLS 1.3 and 1.2
	 * @throws IllegalArgumentException if the key store has no key entry or the trust store no
	 * certificate
	 */
	public static TlsConfig of(KeyStore keyStore, char @Nullable [] keyPassword, KeyStore trustStore) {
		char[] password = (keyPassword != null) ? keyPassword : new char[0];
		requireEntries(keyStore, trustStore);
		return new TlsConfig(keyStore, password, trustStore, ClientAuth.NONE, true, DEFAULT_PROTOCOLS);
	}

	/**
	 * @param certificateChain the node's certificate and the intermediates up to (not necessarily
	 * including) the root, PEM ({@code -----BEGIN CERTIFICATE-----} blocks)
	 * @param privateKey the node's private key, PEM, unencrypted PKCS#8
	 * ({@code -----BEGIN PRIVATE KEY-----}): RSA, EC or EdDSA
	 * @param trustedCertificates the certificates this node trusts, PEM
	 * @return TLS with these, no client authentication, hostname verification on, TLS 1.3 and 1.2
	 * @throws IllegalArgumentException if a text holds no such PEM block or one that does not parse
	 */
	public static TlsConfig fromPem(String certificateChain, String privateKey, String trustedCertificates) {
		return of(PemMaterial.keyStore(certificateChain, privateKey), null, PemMaterial.trustStore(trustedCertificates));
	}

	/**
	 * Reads {@link #fromPem(String, String, String)}'s texts from files.
	 * @param certificateChain the file of the node's certificate chain
	 * @param privateKey the file of its private key
	 * @param trustedCertificates the file of the certificates it trusts
	 * @return TLS with these, no client authentication, hostname verification on, TLS 1.3 and 1.2
	 * @throws IllegalArgumentException if a file cannot be read or does not parse
	 */
	public static TlsConfig fromPemFiles(Path certificateChain, Path privateKey, Path trustedCertificates) {
		return fromPem(read(certificateChain), read(privateKey), read(trustedCertificates));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void requireEntries(KeyStore keyStore, KeyStore trustStore) {
		try {
			boolean key = false;
			for (String alias : Collections.list(keyStore.aliases())) {
				key |= keyStore.isKeyEntry(alias);
			}
			if (!key) {
				throw new IllegalArgumentException("the key store holds no private key entry");
			}
			if (trustStore.size() == 0) {
				throw new IllegalArgumentException("the trust store holds no certificate");
			}
		}
		catch (KeyStoreException ex) {
			throw new IllegalArgumentException("the key stores are not loaded: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param clientAuth whether connecting nodes must present a certificate this node trusts
	 * @return a copy with it
	 */
	public TlsConfig withClientAuth(ClientAuth clientAuth) {
		return new TlsConfig(this.keyStore, this.keyPassword, this.trustStore, clientAuth, this.verifyHostname,
				this.protocols);
	}

	/**
	 * @param verify whether a dialed node's certificate must name the host of the address dialed
	 * (its IP address or DNS name as a subject alternative name)
	 * @return a copy with it
	 */
	public TlsConfig withVerifyHostname(boolean verify) {
		return new TlsConfig(this.keyStore, this.keyPassword, this.trustStore, this.clientAuth, verify,
				this.protocols);
	}

	/**
	 * @param protocols the TLS versions allowed, e.g. {@code TLSv1.3}
	 * @return a copy with them
	 */
	public TlsConfig withProtocols(String... protocols) {
		return new TlsConfig(this.keyStore, this.keyPassword, this.trustStore, this.clientAuth, this.verifyHostname,
				Arrays.asList(protocols));
	}

	/** @return the node's private key with its certificate chain */
	public KeyStore keyStore() {
		return this.keyStore;
	}

	/** @return the password of the key entry (a copy; empty for none) */
	public char[] keyPassword() {
		return this.keyPassword.clone();
	}

	/** @return the certificates this node trusts */
	public KeyStore trustStore() {
		return this.trustStore;
	}

	/** @return whether connecting nodes must present a certificate */
	public ClientAuth clientAuth() {
		return this.clientAuth;
	}

	/** @return whether a dialed node's certificate must name the host dialed */
	public boolean verifyHostname() {
		return this.verifyHostname;
	}

	/** @return the TLS versions allowed */
	public List<String> protocols() {
		return this.protocols;
	}

	/**
	 * @return key managers over the key store
	 * @throws IllegalStateException if the key cannot be recovered with the password
	 */
	public KeyManagerFactory keyManagerFactory() {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(this.keyStore, this.keyPassword);
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the TLS private key cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return trust managers over the trust store
	 * @throws IllegalStateException if the trust store cannot be used
	 */
	public TrustManagerFactory trustManagerFactory() {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(this.trustStore);
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the TLS trust store cannot be used: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "TlsConfig[clientAuth=" + this.clientAuth + ", verifyHostname=" + this.verifyHostname + ", protocols="
				+ this.protocols + "]";
	}

}
