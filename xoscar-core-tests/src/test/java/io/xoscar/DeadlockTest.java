package io.xoscar;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.DeadlockException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Call cycles between stateful actors fail at once with {@link DeadlockException} naming the
 * cycle, instead of hanging until the call timeout; {@code @NoLock} methods, tells and calls whose
 * callers no longer wait are not cycles.
 */
class DeadlockTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub").count(3).threads(1))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(20)))
		.build();

	/** A system with deadlock detection off, started only by the test that uses it. */
	@RegisterExtension
	final ActorSystemExtension detectionOff = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.pool(PoolConfig.thread("sub").count(2).threads(1))
		.configure((config) -> config.callTimeout(Duration.ofMillis(300))
			.deadlockDetection(false))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Node extends Actor {

		private int pings;

		/** Calls {@code next} and waits for it, which calls on along {@code rest}. */
		public String callOn(ActorHandle<Node> next, ActorHandle<Node>[] rest) {
			if (rest.length == 0) {
				return next.method("ping").call();
			}
			ActorHandle<Node>[] tail = java.util.Arrays.copyOfRange(rest, 1, rest.length);
			return next.method("callOn").call(rest[0], tail);
		}

		public String callSelf() {
			return self().method("ping").call();
		}

		public String ping() {
			return "pong " + (++this.pings);
		}

		@NoLock
		public String peek() {
			return "pings " + this.pings;
		}

		public String callPeek(ActorHandle<Node> other) {
			return other.method("peek").call();
		}

		public String tellBack(ActorHandle<Node> other) {
			other.method("ping").tell();
			return "told";
		}

		public String sendToLater(ActorHandle<Node> next, ActorHandle<Node> back, CountDownLatch go) {
			next.method("callAfter").send(back, go);
			return "sent";
		}

		/**
		 * Waits for {@code next} to send {@code later} a call back here, then keeps running (without
		 * waiting on anything) until that call is queued in this actor's mailbox.
		 */
		public String callThenKeepRunning(ActorHandle<Node> next, ActorHandle<Node> later, CountDownLatch go) {
			next.method("sendToLater").call(later, self(), go);
			go.countDown();
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> system().actors().join().stream()
					.anyMatch((actor) -> actor.uid().equals(uid()) && actor.backlog() > 0));
			return "kept running";
		}

		public CompletableFuture<String> callAfter(ActorHandle<Node> back, CountDownLatch go) throws InterruptedException {
			go.await(10, TimeUnit.SECONDS);
			return CompletableFuture.completedFuture(back.method("ping").call());
		}

	}

	@SuppressWarnings("unchecked")
	private static ActorHandle<Node>[] path(ActorHandle<?>... handles) {
		ActorHandle<Node>[] path = new ActorHandle[handles.length];
		for (int i = 0; i < handles.length; i++) {
			path[i] = (ActorHandle<Node>) handles[i];
		}
		return path;
	}

	private ActorHandle<Node> node(String uid, int pool) {
		return this.system.createActor(Node.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
	}

	@Test
	void anActorCallingItselfAndWaitingFailsAtOnce() {
		ActorHandle<Node> a = node("a", 1);
		assertThatThrownBy(() -> a.method("callSelf").send().get(1, TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class)
			.hasMessageContaining("'a' (Node).callSelf at " + a.address() + " -> 'a' (Node).ping");
	}

	@Test
	void aCycleThroughTwoAndThreeActorsFailsAtOnceNamingIt() {
		ActorHandle<Node> a = node("a", 1);
		ActorHandle<Node> b = node("b", 2);
		ActorHandle<Node> c = node("c", 3);
		assertThatThrownBy(() -> a.method("callOn").send(b, path(a)).get(1, TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class)
			.hasMessageContaining("'a' (Node).callOn at " + a.address() + " -> 'b' (Node).callOn at " + b.address()
					+ " -> 'a' (Node).ping at " + a.address());
		assertThatThrownBy(() -> a.method("callOn").send(b, path(c, a)).get(1, TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class)
			.hasMessageContaining("'a' (Node).callOn")
			.hasMessageContaining("-> 'b' (Node).callOn")
			.hasMessageContaining("-> 'c' (Node).callOn")
			.hasMessageContaining("-> 'a' (Node).ping");
		// the actors are free again
		assertThat(a.method("ping").<String>call()).isEqualTo("pong 1");
	}

	@Test
	void aChainThatDoesNotCloseOnAWaitingActorIsNoCycle() {
		ActorHandle<Node> a = node("a", 1);
		ActorHandle<Node> b = node("b", 2);
		ActorHandle<Node> c = node("c", 3);
		assertThat(a.method("callOn").<String>send(b, path(c)).join()).isEqualTo("pong 1");
	}

	@Test
	void noLockMethodsAndTellsAreNotCycles() {
		ActorHandle<Node> a = node("a", 1);
		ActorHandle<Node> b = node("b", 2);
		assertThat(a.method("callOn").<String>send(b, path()).join()).isEqualTo("pong 1");
		assertThat(b.method("callPeek").<String>send(a).join()).isEqualTo("pings 0");
		assertThat(a.method("callOn").<String>send(b, path()).join()).isEqualTo("pong 2");
		// b tells a while a waits for b: the tell queues and runs once a is free
		ActorHandle<Node> c = node("c", 3);
		assertThat(c.method("tellBack").<String>send(c).join()).isEqualTo("told");
		assertThat(c.method("ping").<String>call()).isEqualTo("pong 2");
	}

	@Test
	void aCallReachingAnActorThatNoLongerWaitsIsNoCycle() {
		ActorHandle<Node> a = node("a", 1);
		ActorHandle<Node> b = node("b", 2);
		ActorHandle<Node> c = node("c", 3);
		CountDownLatch go = new CountDownLatch(1);
		// a waits for b, b sends to c without waiting and returns; a is done before c calls a
		assertThat(a.method("callOn").<String>send(b, path()).join()).isEqualTo("pong 1");
		assertThat(b.method("sendToLater").<String>send(c, a, go).join()).isEqualTo("sent");
		go.countDown();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> a.method("peek").<String>call().equals("pings 1"));
	}

	@Test
	void aCallReachingAnActorThatStillRunsButNoLongerWaitsQueuesInsteadOfFailing() {
		ActorHandle<Node> a = node("a", 1);
		ActorHandle<Node> b = node("b", 2);
		ActorHandle<Node> c = node("c", 3);
		CountDownLatch go = new CountDownLatch(1);
		assertThat(a.method("callThenKeepRunning").<String>send(b, c, go).join()).isEqualTo("kept running");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> a.method("peek").<String>call().equals("pings 1"));
	}

	@Test
	void withDetectionOffACycleWaitsForTheCallTimeout() {
		ActorSystem off = this.detectionOff.system();
		ActorHandle<Node> a = off.createActor(Node.class, CreateOptions.at(Placement.pool(1))).join();
		assertThatThrownBy(() -> a.method("callSelf").send().join()).hasCauseInstanceOf(CallTimeoutException.class);
	}

}
