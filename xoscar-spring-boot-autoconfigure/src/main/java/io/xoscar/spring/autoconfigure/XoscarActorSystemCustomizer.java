package io.xoscar.spring.autoconfigure;

import io.xoscar.config.ActorSystemConfig;

/**
 * Callback that customizes the {@link ActorSystemConfig.Builder} prepared from the
 * {@code xoscar.*} properties before the auto-configured {@link ActorSystemConfig} is built.
 * Customizers run in {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface XoscarActorSystemCustomizer {

	/**
	 * @param builder the builder, already holding the configured values and pools
	 */
	void customize(ActorSystemConfig.Builder builder);

}
