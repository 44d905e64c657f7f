package io.xoscar.transport;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.internal.process.ChildMainSupport;
import io.xoscar.internal.process.ParentWatch;

/**
 * A node in a child JVM with the default memory for frames still arriving (a quarter of its heap)
 * and the frame read timeout given as first argument; it reports its address when ready.
 */
public final class HostileFramesNodeMain {

	private HostileFramesNodeMain() {
	}

	/** Tells what the heap of its JVM holds. */
	public static class HeapProbe extends Actor {

		public long heapUsedAfterGc() {
			System.gc();
			System.gc();
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		public long maxHeap() {
			return Runtime.getRuntime().maxMemory();
		}

		public String ping(String text) {
			return text;
		}

	}

	public static void main(String[] args) throws InterruptedException {
		ParentWatch.install();
		ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.frameReadTimeout(Duration.parse(args[0]))
			.build());
		ChildMainSupport.ready(system.address());
		new CountDownLatch(1).await();
	}

}
