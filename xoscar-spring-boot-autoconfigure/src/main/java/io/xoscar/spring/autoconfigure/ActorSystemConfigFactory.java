package io.xoscar.spring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.recovery.RestartLimits;

/**
 * Turns {@link XoscarProperties} into an {@link ActorSystemConfig.Builder}.
 */
final class ActorSystemConfigFactory {

	private ActorSystemConfigFactory() {
	}

	static ActorSystemConfig.Builder builder(XoscarProperties properties) {
		XoscarProperties.Debug debug = properties.debug();
		XoscarProperties.Transport transport = properties.transport();
		XoscarProperties.Recovery recovery = properties.recovery();
		XoscarProperties.Security security = properties.security();
		ActorSystemConfig.Builder builder = ActorSystemConfig.builder()
			.address(properties.address())
			.callTimeout(debug.callTimeout())
			.deadlockDetection(debug.deadlockDetection())
			.slowCallThreshold(debug.slowCallThreshold())
			.backlogThreshold(debug.backlogThreshold())
			.debugHistory(debug.history())
			.maxFrameSize((int) transport.maxFrameSize().toBytes())
			.frameReadTimeout(transport.frameReadTimeout())
			.connectTimeout(transport.connectTimeout())
			.unixSockets(transport.unixSockets())
			.sharedMemory((int) transport.sharedMemory().toBytes())
			.restartProcesses(recovery.restartProcesses())
			.processRestartLimits(restartLimits(recovery))
			.restartWait(recovery.restartWait())
			.restartActors(recovery.restartActors())
			.token(security.token().isEmpty() ? null : security.token())
			.allowUnauthenticated(security.allowUnauthenticated())
			.handshakeTimeout(security.handshakeTimeout())
			.maxPendingHandshakes(security.maxPendingHandshakes());
		if (!properties.advertisedAddress().isEmpty()) {
			builder.advertisedAddress(properties.advertisedAddress());
		}
		if (properties.mainPoolThreads() > 0) {
			builder.mainPoolThreads(properties.mainPoolThreads());
		}
		if (transport.incompleteFrameMemory() != null) {
			builder.incompleteFrameMemory(transport.incompleteFrameMemory().toBytes());
		}
		transport.exceptionPackages().forEach(builder::exceptionPackage);
		properties.pools().forEach((name, pool) -> builder.pool(poolConfig(name, pool)));
		return builder;
	}

	static RestartLimits restartLimits(XoscarProperties.Recovery recovery) {
		return new RestartLimits(recovery.maxRestarts(), recovery.restartWindow(), recovery.minBackoff(),
				recovery.maxBackoff(), recovery.jitter());
	}

	/** The group's name is one of its pools' labels, so that placement by pool group is placement by label. */
	static PoolConfig poolConfig(String name, XoscarProperties.Pool pool) {
		Set<String> labels = new LinkedHashSet<>(pool.labels());
		labels.add(name);
		return new PoolConfig(name, pool.count(), pool.mode(), pool.threads(), labels, pool.env(), pool.jvmArgs(),
				pool.cudaDevices(), pool.startTimeout());
	}

}
