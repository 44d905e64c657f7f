package io.xoscar.process;

import java.util.concurrent.CountDownLatch;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.internal.process.ChildMainSupport;

/**
 * A node with one process pool, in a child JVM: reports the pid of its own process pool, so a test
 * can kill this JVM with SIGKILL and watch the grandchild go.
 */
public final class ProcessPoolParentMain {

	private ProcessPoolParentMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.pool(PoolConfig.process("worker").jvmArgs("-Xmx64m"))
			.build());
		ChildMainSupport.ready(Long.toString(system.pools().get(1).pid()));
		new CountDownLatch(1).await();
	}

}
