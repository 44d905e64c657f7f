package io.xoscar.spring.autoconfigure.testfixture;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.xoscar.Actor;

/**
 * A stateful actor for the tests of what the node detects: {@link #hold} keeps its lock, so calls
 * to it wait in its mailbox (a backlog) and the held call runs long (a slow call);
 * {@link #callSelf} waits for a call to itself (a deadlock). Deadlock messages name it by its
 * simple name, {@code Holder}.
 */
public class Holder extends Actor {

	/**
	 * @param entered counted down once the call runs
	 * @param release what the call waits for, at most 30 seconds
	 * @return {@code released}, or {@code timed out}
	 */
	public String hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
		entered.countDown();
		return release.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
	}

	public String ping() {
		return "pong";
	}

	/** Waits for a call to itself, which could never run: a deadlock. */
	public String callSelf() {
		return self().method("ping").call();
	}

}
