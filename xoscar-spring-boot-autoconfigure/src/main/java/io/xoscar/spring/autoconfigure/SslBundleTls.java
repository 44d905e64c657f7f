package io.xoscar.spring.autoconfigure;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;

import io.xoscar.config.TlsConfig;

/**
 * The node's {@link TlsConfig} from the Spring Boot SSL bundle that {@code xoscar.security.tls.bundle}
 * names: its key store (the key entry its key alias names, or all) with the key password (else the
 * store's), its trust store and its enabled protocols, with {@code client-auth} and
 * {@code verify-hostname} from the properties.
 */
final class SslBundleTls {

	static final String BUNDLE_PROPERTY = "xoscar.security.tls.bundle";

	private SslBundleTls() {
	}

	/**
	 * @param properties the {@code xoscar.security.tls} properties, with a bundle named
	 * @param bundles the application's SSL bundles, {@code null} if it has none
	 * @return the node's TLS
	 * @throws InvalidXoscarPropertyException if there is no such bundle, or it lacks a key or trust
	 */
	static TlsConfig of(XoscarProperties.Security.Tls properties, SslBundles bundles) {
		String name = properties.bundle();
		if (bundles == null) {
			throw new InvalidXoscarPropertyException(BUNDLE_PROPERTY, name, "this application has no SSL bundles",
					"Configure spring.ssl.bundle.pem." + name + " (or spring.ssl.bundle.jks." + name + ")");
		}
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidXoscarPropertyException(BUNDLE_PROPERTY, name, "there is no SSL bundle named '" + name
					+ "' (there are " + bundles.getBundleNames() + ")", "Configure spring.ssl.bundle.pem." + name
					+ " (or spring.ssl.bundle.jks." + name + "), or set " + BUNDLE_PROPERTY + " to an existing bundle");
		}
		return of(name, bundle, properties);
	}

	/**
	 * @param name the bundle's name, for messages
	 * @param bundle the bundle (as registered, or as reloaded)
	 * @param properties {@code client-auth} and {@code verify-hostname}
	 * @return the node's TLS
	 */
	static TlsConfig of(String name, SslBundle bundle, XoscarProperties.Security.Tls properties) {
		SslStoreBundle stores = bundle.getStores();
		if (stores.getKeyStore() == null) {
			throw new InvalidXoscarPropertyException(BUNDLE_PROPERTY, name, "the SSL bundle '" + name
					+ "' has no key store: a node needs its own certificate and private key",
					"Set spring.ssl.bundle.pem." + name + ".keystore.certificate and .private-key (or the jks keystore)");
		}
		if (stores.getTrustStore() == null) {
			throw new InvalidXoscarPropertyException(BUNDLE_PROPERTY, name, "the SSL bundle '" + name
					+ "' has no trust store: a node must know which certificates of other nodes to trust",
					"Set spring.ssl.bundle.pem." + name + ".truststore.certificate (or the jks truststore)");
		}
		SslBundleKey key = bundle.getKey();
		String password = (key.getPassword() != null) ? key.getPassword() : stores.getKeyStorePassword();
		char[] keyPassword = (password != null) ? password.toCharArray() : null;
		KeyStore keyStore = (key.getAlias() != null) ? onlyAlias(name, stores.getKeyStore(), key, keyPassword)
				: stores.getKeyStore();
		TlsConfig tls;
		try {
			tls = TlsConfig.of(keyStore, keyPassword, stores.getTrustStore());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidXoscarPropertyException(BUNDLE_PROPERTY, name, "the SSL bundle '" + name
					+ "' cannot serve as a node's TLS: " + ex.getMessage(), "Check spring.ssl.bundle.*." + name);
		}
		String[] protocols = bundle.getOptions().getEnabledProtocols();
		if (protocols != null && protocols.length > 0) {
			tls = tls.withProtocols(protocols);
		}
		return tls.withClientAuth(properties.clientAuth()).withVerifyHostname(properties.verifyHostname());
	}

	/** The bundle's key alias picks one key entry, as Spring Boot's own servers do. */
	private static KeyStore onlyAlias(String name, KeyStore store, SslBundleKey key, char[] keyPassword) {
		try {
			key.assertContainsAlias(store);
			KeyStore picked = KeyStore.getInstance("PKCS12");
			picked.load(null, null);
			char[] password = (keyPassword != null) ? keyPassword : new char[0];
			Certificate[] chain = store.getCertificateChain(key.getAlias());
			picked.setKeyEntry(key.getAlias(), store.getKey(key.getAlias(), password), password, chain);
			return picked;
		}
		catch (GeneralSecurityException | java.io.IOException | IllegalStateException ex) {
			throw new InvalidXoscarPropertyException(BUNDLE_PROPERTY, name, "the key alias '" + key.getAlias()
					+ "' of the SSL bundle '" + name + "' cannot be used: " + ex.getMessage(),
					"Check spring.ssl.bundle.*." + name + ".key.alias and .key.password");
		}
	}

}
