package io.xoscar.transport;

import java.util.concurrent.CountDownLatch;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.internal.process.ChildMainSupport;
import io.xoscar.internal.process.ParentWatch;

/**
 * A node in a child JVM for the transport tests: a main pool and one labelled thread sub pool.
 * It listens on the address given as first argument (any free port without one), reports its
 * address when ready and dies with its parent.
 */
public final class RemoteNodeMain {

	private RemoteNodeMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ParentWatch.install();
		ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.address((args.length > 0) ? args[0] : "127.0.0.1:0")
			.mainPoolThreads(2)
			.pool(PoolConfig.thread("sub").threads(2).labels("sub"))
			.build());
		ChildMainSupport.ready(system.address());
		new CountDownLatch(1).await();
	}

}
