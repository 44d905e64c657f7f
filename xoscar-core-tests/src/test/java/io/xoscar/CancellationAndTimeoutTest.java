package io.xoscar;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Behaviour 12 and bounded waits: cancelling a send cancels the call; blocking calls time out.
 */
class CancellationAndTimeoutTest {

	/** For calls this test cancels by hand: longer than the node's timeout, so that it does not race them. */
	private static final Duration UNHURRIED = Duration.ofSeconds(30);

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub"))
		.configure((config) -> config.callTimeout(Duration.ofMillis(300)))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Sleeper extends Actor {

		private final CountDownLatch started = new CountDownLatch(1);

		private String outcome = "none";

		private int calls;

		/** Handles cancellation: returns a value when interrupted. */
		public String sleep(long millis) {
			this.started.countDown();
			try {
				Thread.sleep(millis);
				this.outcome = "slept";
			}
			catch (InterruptedException ex) {
				this.outcome = "interrupted";
			}
			return this.outcome;
		}

		public CompletableFuture<String> waitAsync(CompletableFuture<String> result) {
			this.started.countDown();
			return result;
		}

		@NoLock
		public boolean awaitStarted() throws InterruptedException {
			return this.started.await(5, TimeUnit.SECONDS);
		}

		public String outcome() {
			return this.outcome;
		}

		public int count() {
			return ++this.calls;
		}

	}

	@Test
	void cancellingARunningCallInterruptsIt() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class).join();
		CompletableFuture<String> call = sleeper.method("sleep").withTimeout(UNHURRIED).send(10_000L);
		assertThat(sleeper.method("awaitStarted").<Boolean>call()).isTrue();
		assertThat(call.cancel(true)).isTrue();
		assertThatThrownBy(call::join).isInstanceOf(CancellationException.class);
		// the method saw the interrupt, handled it and returned its value; the actor is free again
		await().atMost(Duration.ofSeconds(5)).until(() -> sleeper.method("outcome").<String>call().equals("interrupted"));
	}

	@Test
	void cancellingAQueuedCallDropsIt() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class).join();
		CompletableFuture<String> blocker = sleeper.method("sleep").withTimeout(UNHURRIED).send(10_000L);
		assertThat(sleeper.method("awaitStarted").<Boolean>call()).isTrue();
		CompletableFuture<Integer> queued = sleeper.method("count").withTimeout(UNHURRIED).send();
		assertThat(queued.cancel(true)).isTrue();
		blocker.cancel(true);
		// count ran only for this call: the cancelled one was dropped
		assertThat(sleeper.method("count").<Integer>send().join()).isEqualTo(1);
	}

	@Test
	void cancellingAnAsyncCallCancelsTheFutureItWaitsOn() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class).join();
		CompletableFuture<String> inner = new CompletableFuture<>();
		CompletableFuture<String> call = sleeper.method("waitAsync").withTimeout(UNHURRIED).send(inner);
		assertThat(sleeper.method("awaitStarted").<Boolean>call()).isTrue();
		call.cancel(true);
		await().atMost(Duration.ofSeconds(5)).until(inner::isCancelled);
		// and the actor is released
		assertThat(sleeper.method("count").<Integer>send().join()).isEqualTo(1);
	}

	@Test
	void blockingCallTimesOutNamingTheCallAndCancelsIt() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class, CreateOptions.uid("slow")).join();
		CompletableFuture<String> blocker = sleeper.method("sleep").withTimeout(UNHURRIED).send(10_000L);
		assertThat(sleeper.method("awaitStarted").<Boolean>call()).isTrue();
		assertThatThrownBy(() -> sleeper.method("count").call()).isInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("'slow'")
			.hasMessageContaining("count")
			.hasMessageContaining("PT0.3S")
			.hasMessageContaining("queued, with 1 call(s) in the mailbox; sleep running for")
			.hasMessageContaining("on thread xoscar-")
			.hasMessageEndingWith("; the call was cancelled");
		blocker.cancel(true);
		assertThat(sleeper.method("count").<Integer>send().join()).isEqualTo(1);
	}

	/** Calls another actor from a pool thread, where a blocking call is dispatched rather than run inline. */
	public static class Caller extends Actor {

		public String callSleeping(ActorHandle<Sleeper> sleeper) {
			try {
				return sleeper.method("sleep").call(10_000L);
			}
			catch (CallTimeoutException ex) {
				return ex.getMessage();
			}
		}

	}

	@Test
	void aRunningCallThatTimesOutSaysForHowLongAndWhereAndIsInterrupted() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class, CreateOptions.uid("sleepy")
			.placement(Placement.pool(1))).join();
		ActorHandle<Caller> caller = this.system.createActor(Caller.class).join();
		assertThat(caller.method("callSleeping").withTimeout(UNHURRIED).<String>send(sleeper).join())
			.matches(".*'sleepy'.*sleep.* did not complete within PT0.3S: running for \\d+ ms on thread xoscar-sub-1-1;"
					+ " the call was cancelled");
		await().atMost(Duration.ofSeconds(5)).until(() -> sleeper.method("outcome").<String>call().equals("interrupted"));
	}

	@Test
	void aSendIsBoundedByTheNodesTimeoutAndCancelled() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class, CreateOptions.uid("unbounded")).join();
		CompletableFuture<String> call = sleeper.method("sleep").send(10_000L);
		assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("actor 'unbounded' (Sleeper) method sleep at " + sleeper.address()
					+ " did not complete within PT0.3S: running for ");
		await().atMost(Duration.ofSeconds(5)).until(() -> sleeper.method("outcome").<String>call().equals("interrupted"));
	}

	public static class StatelessSleeper extends StatelessActor {

		private final CountDownLatch interrupted = new CountDownLatch(1);

		public String sleep(long millis) {
			try {
				Thread.sleep(millis);
				return "slept";
			}
			catch (InterruptedException ex) {
				this.interrupted.countDown();
				return "interrupted";
			}
		}

		public boolean wasInterrupted() throws InterruptedException {
			return this.interrupted.await(5, TimeUnit.SECONDS);
		}

	}

	@Test
	void aSendToAStatelessActorIsBoundedByTheNodesTimeoutAndCancelled() {
		ActorHandle<StatelessSleeper> sleeper = this.system.createActor(StatelessSleeper.class).join();
		CompletableFuture<String> call = sleeper.method("sleep").send(10_000L);
		assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("did not complete within PT0.3S: running for ");
		assertThat(sleeper.method("wasInterrupted").<Boolean>call()).isTrue();
	}

	@Test
	void aMonoAndABatchAreBoundedByTheNodesTimeout() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class).join();
		ActorMethod sleep = sleeper.method("sleep");
		assertThatThrownBy(() -> sleep.mono(10_000L).block(Duration.ofSeconds(5)))
			.isInstanceOf(CallTimeoutException.class);
		CompletableFuture<List<String>> batch = sleep.batch(List.of(sleep.delay(10_000L)));
		assertThatThrownBy(() -> batch.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("did not complete within PT0.3S");
	}

	@Test
	void monoDisposalCancelsTheCall() {
		ActorHandle<Sleeper> sleeper = this.system.createActor(Sleeper.class).join();
		var subscription = sleeper.method("sleep").withTimeout(UNHURRIED).mono(10_000L).subscribe();
		assertThat(sleeper.method("awaitStarted").<Boolean>call()).isTrue();
		subscription.dispose();
		await().atMost(Duration.ofSeconds(5)).until(() -> sleeper.method("outcome").<String>call().equals("interrupted"));
	}

}
