package io.xoscar.transport;

import java.util.concurrent.CountDownLatch;

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
 * A fresh JVM with a fresh process pool (a second fresh JVM): makes one ordinary call, then times
 * the first and the second call whose exception crosses between the two, and reports both in
 * microseconds ("first second").
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
		long first = timeFailure(failing, "first");
		long second = timeFailure(failing, "second");
		ChildMainSupport.ready(first + " " + second);
		new CountDownLatch(1).await();
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
