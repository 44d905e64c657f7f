package io.xoscar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.internal.pool.PoolPrivateInput;
import io.xoscar.internal.process.ChildMainSupport;

/**
 * For the main class of a process pool's child JVM ({@link io.xoscar.config.ProcessPoolMain}): reads
 * the node configuration the parent passes, and reports the started node back. The child halts when
 * its parent goes away.
 */
public final class ProcessPoolChild {

	private ProcessPoolChild() {
	}

	/**
	 * The child's arguments, split into what configures its node and the rest.
	 *
	 * @param config the node the parent asks for: one pool on the parent's host, on a free port at first and
	 * on the pool's own port again when recovery restarts it
	 * @param others arguments that are not the pool's (the pool's start with {@code --xoscar-pool.})
	 */
	public record Arguments(ActorSystemConfig.Builder config, List<String> others) {
	}

	/**
	 * @param args the child's main arguments
	 * @return the node configuration and the other arguments
	 */
	public static Arguments parse(String[] args) {
		ActorSystemConfig.Builder config = ActorSystemConfig.builder();
		List<String> others = new ArrayList<>();
		String host = "127.0.0.1";
		String port = "0";
		for (String arg : args) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("--xoscar-pool.host=")) {
				host = value;
			}
			else if (arg.startsWith("--xoscar-pool.port=")) {
				port = value;
			}
			else if (arg.startsWith("--xoscar-pool.restart-actors=")) {
				config.restartActors(Boolean.parseBoolean(value));
			}
			else if (arg.startsWith("--xoscar-pool.threads=")) {
				config.mainPoolThreads(Integer.parseInt(value));
			}
			else if (arg.startsWith("--xoscar-pool.call-timeout=")) {
				config.callTimeout(Duration.parse(value));
			}
			else if (arg.startsWith("--xoscar-pool.connect-timeout=")) {
				config.connectTimeout(Duration.parse(value));
			}
			else if (arg.startsWith("--xoscar-pool.max-frame-size=")) {
				config.maxFrameSize(Integer.parseInt(value));
			}
			else if (arg.startsWith("--xoscar-pool.incomplete-frame-memory=")) {
				config.incompleteFrameMemory(Long.parseLong(value));
			}
			else if (arg.startsWith("--xoscar-pool.frame-read-timeout=")) {
				config.frameReadTimeout(Duration.parse(value));
			}
			else if (arg.startsWith("--xoscar-pool.unix-sockets=")) {
				config.unixSockets(Boolean.parseBoolean(value));
			}
			else if (arg.startsWith("--xoscar-pool.shared-memory=")) {
				config.sharedMemory(Integer.parseInt(value));
			}
			else if (arg.startsWith("--xoscar-pool.advertised-host=")) {
				config.advertisedAddress(value);
			}
			else if (arg.startsWith("--xoscar-pool.exception-package=")) {
				config.exceptionPackage(value);
			}
			else if (arg.startsWith("--xoscar-pool.parent=")) {
				config.reportTo(value);
			}
			else if (arg.startsWith("--xoscar-pool.deadlock-detection=")) {
				config.deadlockDetection(Boolean.parseBoolean(value));
			}
			else if (arg.startsWith("--xoscar-pool.slow-call-threshold=")) {
				config.slowCallThreshold(Duration.parse(value));
			}
			else if (arg.startsWith("--xoscar-pool.backlog-threshold=")) {
				config.backlogThreshold(Duration.parse(value));
			}
			else if (arg.startsWith("--xoscar-pool.allow-unauthenticated=")) {
				config.allowUnauthenticated(Boolean.parseBoolean(value));
			}
			else if (arg.startsWith("--xoscar-pool.handshake-timeout=")) {
				config.handshakeTimeout(Duration.parse(value));
			}
			else if (arg.startsWith("--xoscar-pool.max-pending-handshakes=")) {
				config.maxPendingHandshakes(Integer.parseInt(value));
			}
			else if (arg.equals(PoolPrivateInput.ARGUMENT)) {
				// the token (and any other secret) comes through the private input, never as an argument
				PoolPrivateInput.takeSecrets().applyTo(config);
			}
			else if (arg.startsWith("--xoscar-pool.call-meters=")) {
				// counted here, published by the parent (a process pool's node reports them to its parent)
				if (Boolean.parseBoolean(value)) {
					config.meterRegistry(new SimpleMeterRegistry());
				}
			}
			else {
				others.add(arg);
			}
		}
		return new Arguments(config.address(host + ":" + port), List.copyOf(others));
	}

	/**
	 * Takes the bytes the parent hands to this child ({@link io.xoscar.config.ProcessPoolMain#privateInput()}),
	 * once: call it early in {@code main}, before the work that needs them. Waits until they have
	 * arrived (bounded); this JVM halts meanwhile if its parent goes away. What xoscar itself hands
	 * over the same way (the token) is not part of them: {@link #parse(String[])} applies it.
	 * @return the bytes, empty if the parent hands over none
	 * @throws IllegalStateException if they were taken before or did not arrive in time
	 */
	public static byte[] takePrivateInput() {
		return PoolPrivateInput.takeUserInput();
	}

	/**
	 * Tells the parent that the pool runs; until then the parent waits (bounded by the pool's start
	 * timeout). Call it once, when everything the pool's actors need is ready.
	 * @param system the child's node
	 */
	public static void ready(ActorSystem system) {
		ChildMainSupport.ready(system.address());
	}

}
