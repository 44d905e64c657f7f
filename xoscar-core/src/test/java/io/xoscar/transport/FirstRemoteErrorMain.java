package io.xoscar.transport;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.internal.process.ChildMainSupport;
import io.xoscar.internal.process.ParentWatch;

/**
 * A fresh JVM with a fresh process pool (a second fresh JVM): makes ordinary calls, then times the
 * first and the second call whose exception crosses between the two, and counts the classes each
 * JVM loads during the first. Reports "first-µs second-µs caller-classes callee-classes". It measures
 * once both JVMs have finished starting (their warm-up included: no class loaded for 300 ms), as for
 * an application whose first exception comes a moment after it started.
 */
public final class FirstRemoteErrorMain {

	private FirstRemoteErrorMain() {
	}

	public static class Failing extends Actor {

		public int ok(int value) {
			return value;
		}

		public int fail(String message) {
			throw new IllegalStateException(message);
		}

		public long loadedClasses() {
			return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		}

	}

	public static void main(String[] args) throws InterruptedException {
		ParentWatch.install();
		ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.pool(PoolConfig.process("cold").threads(1))
			.build());
		ActorHandle<Failing> failing = system
			.createActor(Failing.class, CreateOptions.uid("failing").placement(Placement.pool(1)))
			.join();
		failing.method("ok").call(1);
		awaitQuiet(() -> failing.method("loadedClasses").<Long>call());
		awaitQuiet(() -> ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
		long calleeBefore = failing.method("loadedClasses").<Long>call();
		long callerBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		long first = timeFailure(failing, "first");
		long callerLoaded = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - callerBefore;
		long calleeLoaded = failing.method("loadedClasses").<Long>call() - calleeBefore;
		long second = timeFailure(failing, "second");
		ChildMainSupport.ready(first + " " + second + " " + callerLoaded + " " + calleeLoaded);
		new CountDownLatch(1).await();
	}

	/** Waits until the count stays the same for three polls 100 ms apart, at most 10 s. */
	private static void awaitQuiet(LongSupplier loadedClasses) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		long last = -1;
		int unchanged = 0;
		while (unchanged < 3 && System.nanoTime() < deadline) {
			long now = loadedClasses.getAsLong();
			unchanged = (now == last) ? unchanged + 1 : 0;
			last = now;
			Thread.sleep(100);
		}
	}

	private static long timeFailure(ActorHandle<Failing> failing, String message) {
		long start = System.nanoTime();
		try {
			failing.method("fail").call(message);
			throw new AssertionError("no exception");
		}
		catch (IllegalStateException expected) {
			if (!message.equals(expected.getMessage())) {
				throw new AssertionError("unexpected message " + expected.getMessage());
			}
		}
		return (System.nanoTime() - start) / 1000;
	}

}
