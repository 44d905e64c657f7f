package io.xoscar.internal.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.xoscar.config.TlsConfig;

/**
 * A node's TLS material as {@link ChildSecrets} entries, so that a process pool's child serves and
 * dials TLS as its parent does: the key entries and the trusted certificates as two PKCS#12 stores
 * under a password made at random for each launch, and the settings (client authentication,
 * hostname verification, protocols).
 */
final class ChildTls {

	private static final String KEY_STORE = "tls.key-store";

	private static final String TRUST_STORE = "tls.trust-store";

	private static final String PASSWORD = "tls.password";

	private static final String SETTINGS = "tls.settings";

	private static final SecureRandom random = new SecureRandom();

	private ChildTls() {
	}

	/**
	 * @param tls the parent's TLS
	 * @param entries where the entries go
	 * @throws IllegalStateException if the key cannot be exported (a key held in hardware)
	 */
	static void put(TlsConfig tls, Map<String, byte[]> entries) {
		byte[] secret = new byte[24];
		random.nextBytes(secret);
		char[] password = Base64.getEncoder().withoutPadding().encodeToString(secret).toCharArray();
		try {
			KeyStore keys = empty();
			char[] keyPassword = tls.keyPassword();
			for (String alias : Collections.list(tls.keyStore().aliases())) {
				if (tls.keyStore().isKeyEntry(alias)) {
					Key key = tls.keyStore().getKey(alias, keyPassword);
					keys.setKeyEntry(alias, key, password, tls.keyStore().getCertificateChain(alias));
				}
			}
			Arrays.fill(keyPassword, '\0');
			KeyStore trusted = empty();
			for (String alias : Collections.list(tls.trustStore().aliases())) {
				if (tls.trustStore().isCertificateEntry(alias)) {
					trusted.setCertificateEntry(alias, tls.trustStore().getCertificate(alias));
				}
			}
			entries.put(KEY_STORE, bytes(keys, password));
			entries.put(TRUST_STORE, bytes(trusted, password));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("the TLS material cannot be handed to a process pool's child: "
					+ ex.getMessage(), ex);
		}
		entries.put(PASSWORD, new String(password).getBytes(StandardCharsets.UTF_8));
		Arrays.fill(password, '\0');
		entries.put(SETTINGS, (tls.clientAuth() + ";" + tls.verifyHostname() + ";" + String.join(",", tls.protocols()))
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param entries the secrets the child received
	 * @return its TLS, or {@code null} if the parent has none
	 */
	static TlsConfig read(Map<String, byte[]> entries) {
		byte[] settings = entries.get(SETTINGS);
		if (settings == null) {
			return null;
		}
		char[] password = new String(entries.get(PASSWORD), StandardCharsets.UTF_8).toCharArray();
		try {
			KeyStore keys = load(entries.get(KEY_STORE), password);
			KeyStore trusted = load(entries.get(TRUST_STORE), password);
			String[] parts = new String(settings, StandardCharsets.UTF_8).split(";", 3);
			List<String> protocols = new ArrayList<>(Arrays.asList(parts[2].split(",")));
			return TlsConfig.of(keys, password, trusted)
				.withClientAuth(TlsConfig.ClientAuth.valueOf(parts[0]))
				.withVerifyHostname(Boolean.parseBoolean(parts[1]))
				.withProtocols(protocols.toArray(new String[0]));
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			throw new IllegalStateException("The TLS material from the parent cannot be read: " + ex.getMessage(), ex);
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private static KeyStore empty() throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		return store;
	}

	private static byte[] bytes(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		store.store(out, password);
		return out.toByteArray();
	}

	private static KeyStore load(byte[] bytes, char[] password) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(new ByteArrayInputStream(bytes), password);
		return store;
	}

}
