package io.xoscar.spring.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundles;

import io.xoscar.ActorSystem;

/**
 * Hot reload of the node's TLS: when Spring Boot reloads the SSL bundle
 * ({@code spring.ssl.bundle.*.NAME.reload-on-update}), the node's new TCP connections, served and
 * dialed, and process pools' children started from then on, use the bundle's new material;
 * connections already open, and children running, keep theirs.
 */
final class SslBundleTlsReload {

	private static final Logger logger = LoggerFactory.getLogger(SslBundleTlsReload.class);

	/**
	 * @param system the node
	 * @param bundles the application's SSL bundles
	 * @param properties the {@code xoscar.security.tls} properties
	 * @param reload whether to follow the bundle (it is named, and this is no process pool's child)
	 */
	SslBundleTlsReload(ActorSystem system, SslBundles bundles, XoscarProperties.Security.Tls properties,
			boolean reload) {
		if (!reload) {
			return;
		}
		String name = properties.bundle();
		bundles.addBundleUpdateHandler(name, (updated) -> {
			try {
				system.replaceTls(SslBundleTls.of(name, updated, properties));
				logger.info("SSL bundle '{}' reloaded: new connections of node {} use its new material", name,
						system.address());
			}
			catch (RuntimeException ex) {
				logger.error("SSL bundle '{}' was updated, but node {} keeps its TLS material: {}", name,
						system.address(), ex.getMessage(), ex);
			}
		});
	}

}
