package io.xoscar.spring.autoconfigure;

import io.xoscar.config.ActorSystemConfig;

/**
 * Callback that customizes the {@link ActorSystemConfig.Builder} of a process pool's node, in the
 * child JVM that runs this application's context ({@link ProcessPoolApplication}). That builder
 * holds what the parent gave the pool (its host, threads, timeouts, the parent to report to), and
 * {@link XoscarActorSystemCustomizer}s do not run there: they shape the application's own node
 * (pools, address) and would make the pool another node. Use this for what the pool's node needs
 * from its own JVM's context, such as registries. Customizers run in
 * {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface XoscarProcessPoolCustomizer {

	/**
	 * @param builder the builder of the process pool's node
	 */
	void customize(ActorSystemConfig.Builder builder);

}
