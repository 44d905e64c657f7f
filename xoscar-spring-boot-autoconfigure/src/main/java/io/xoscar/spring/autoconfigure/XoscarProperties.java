package io.xoscar.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration properties of the node's actor system.
 *
 * @param enabled whether to start an actor system
 * @param address address of the node's main pool, as {@code host:port}; port 0 picks a free port
 * @param mainPoolThreads threads of the main pool; 0 means one per available processor
 * @param callTimeout how long a blocking actor call waits before it fails
 */
@ConfigurationProperties("xoscar")
public record XoscarProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1:0") String address,
		@DefaultValue("0") int mainPoolThreads, @DefaultValue("60s") Duration callTimeout) {

}
