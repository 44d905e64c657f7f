package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.internal.process.ChildMainSupport;

/**
 * The main class of a process pool's child JVM: a node with one pool, listening on a free port of
 * the parent's host. It reports its address to the parent, and halts when the parent goes away.
 */
public final class SubPoolMain {

	private SubPoolMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ActorSystemConfig.Builder config = ActorSystemConfig.builder();
		String host = "127.0.0.1";
		for (String arg : args) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("--host=")) {
				host = value;
			}
			else if (arg.startsWith("--threads=")) {
				config.mainPoolThreads(Integer.parseInt(value));
			}
			else if (arg.startsWith("--call-timeout=")) {
				config.callTimeout(Duration.parse(value));
			}
			else if (arg.startsWith("--connect-timeout=")) {
				config.connectTimeout(Duration.parse(value));
			}
			else if (arg.startsWith("--max-frame-size=")) {
				config.maxFrameSize(Integer.parseInt(value));
			}
			else if (arg.startsWith("--unix-sockets=")) {
				config.unixSockets(Boolean.parseBoolean(value));
			}
			else if (arg.startsWith("--shared-memory=")) {
				config.sharedMemory(Integer.parseInt(value));
			}
			else if (arg.startsWith("--exception-package=")) {
				config.exceptionPackage(value);
			}
			else {
				throw new IllegalArgumentException("unknown argument " + arg);
			}
		}
		ActorSystem system = ActorSystem.create(config.address(host + ":0").build());
		ChildMainSupport.ready(system.address());
		new CountDownLatch(1).await();
	}

}
