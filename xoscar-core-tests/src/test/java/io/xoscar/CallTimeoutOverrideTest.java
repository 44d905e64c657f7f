package io.xoscar;

import java.time.Duration;
import java.util.List;
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

/**
 * Timeouts declared by a method ({@link CallTimeout}) or given for a call
 * ({@link ActorMethod#withTimeout}) win over the node's, and bound every call style: a blocking call
 * throws, a future fails; the message says where the call was stuck, and the call is cancelled.
 */
class CallTimeoutOverrideTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30)))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Slow extends Actor {

		private final CountDownLatch interrupted = new CountDownLatch(1);

		@CallTimeout("300ms")
		public String bounded(long millis) {
			return sleep(millis);
		}

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

		@io.xoscar.NoLock
		public boolean wasInterrupted() throws InterruptedException {
			return this.interrupted.await(5, TimeUnit.SECONDS);
		}

		public String fast() {
			return "fast";
		}

	}

	@CallTimeout("250ms")
	public static class Bounded extends Actor {

		public String sleep(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

		@CallTimeout("2s")
		public String sleepLonger(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

	}

	private <T extends AbstractActor> ActorHandle<T> create(Class<T> type) {
		return this.system.createActor(type, CreateOptions.at(Placement.pool(1))).join();
	}

	@Test
	void aMethodsTimeoutBoundsABlockingCallAndSaysWhereItWas() {
		ActorHandle<Slow> slow = create(Slow.class);
		// busy, so that the blocking call waits for the pool instead of running on this thread
		CompletableFuture<String> first = slow.method("sleep").send(1_000L);
		long started = System.nanoTime();
		assertThatThrownBy(() -> slow.method("bounded").call(5_000L)).isInstanceOf(CallTimeoutException.class)
			.hasMessageStartingWith("actor '" + slow.uid() + "' (Slow) method bounded at " + slow.address()
					+ " did not complete within PT0.3S: queued, with 1 call(s) in the mailbox; sleep running for ")
			.hasMessageEndingWith("; the call was cancelled");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(first.join()).isEqualTo("slept");
	}

	@Test
	void aGivenTimeoutBoundsABlockingCallToAnIdleActorToo() {
		ActorHandle<Slow> slow = create(Slow.class);
		long started = System.nanoTime();
		// an idle actor's call would run on this thread, where no timeout can stop it: it runs on the pool
		assertThatThrownBy(() -> slow.method("sleep").withTimeout(Duration.ofMillis(200)).call(5_000L))
			.isInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("did not complete within PT0.2S: running for ");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(slow.method("wasInterrupted").<Boolean>call()).isTrue();
	}

	@Test
	void aDeclaredTimeoutBoundsABlockingCallToAnIdleActorToo() {
		ActorHandle<Slow> slow = create(Slow.class);
		long started = System.nanoTime();
		assertThatThrownBy(() -> slow.method("bounded").call(5_000L)).isInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("did not complete within PT0.3S: running for ");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(slow.method("wasInterrupted").<Boolean>call()).isTrue();
	}

	@Test
	void aMethodsTimeoutFailsTheFutureOfASendAndCancelsTheCall() {
		ActorHandle<Slow> slow = create(Slow.class);
		CompletableFuture<String> call = slow.method("bounded").send(5_000L);
		assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("did not complete within PT0.3S: running for ");
		assertThat(slow.method("wasInterrupted").<Boolean>call()).isTrue();
	}

	@Test
	void aQueuedCallThatTimesOutSaysWhatItWaitedBehindAndIsDropped() {
		ActorHandle<Slow> slow = create(Slow.class);
		slow.method("sleep").send(1_000L);
		CompletableFuture<String> queued = slow.method("fast").withTimeout(Duration.ofMillis(200)).send();
		assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("did not complete within PT0.2S: queued, with 1 call(s) in the mailbox; sleep running for ");
	}

	@Test
	void aTimeoutGivenForACallWinsOverTheMethodsAndTheClasss() {
		ActorHandle<Bounded> bounded = create(Bounded.class);
		assertThatThrownBy(() -> bounded.method("sleep").send(2_000L).get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("within PT0.25S");
		assertThat(bounded.method("sleepLonger").<String>call(600L)).isEqualTo("slept");
		assertThat(bounded.method("sleep").withTimeout(Duration.ofSeconds(5)).<String>call(400L)).isEqualTo("slept");
		assertThat(bounded.method("sleep").withTimeout(Duration.ofSeconds(5)).<String>send(400L).join()).isEqualTo("slept");
	}

	@Test
	void aMethodsTimeoutBoundsABatchOfItsCalls() {
		ActorHandle<Bounded> bounded = create(Bounded.class);
		ActorMethod sleep = bounded.method("sleep");
		CompletableFuture<List<String>> batch = sleep.batch(List.of(sleep.delay(100L), sleep.delay(2_000L)));
		assertThatThrownBy(() -> batch.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class)
			.hasMessageContaining("within PT0.25S");
		ActorMethod longer = bounded.method("sleepLonger");
		assertThat(longer.<String>batch(List.of(longer.delay(200L), longer.delay(200L))).join())
			.containsExactly("slept", "slept");
	}

	@Test
	void aTimeoutMustBePositive() {
		ActorHandle<Slow> slow = create(Slow.class);
		assertThatThrownBy(() -> slow.method("sleep").withTimeout(Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("a call timeout must be positive, was PT0S");
	}

	public static class BadTimeout extends Actor {

		@CallTimeout("soon")
		public void go() {
		}

	}

	@Test
	void aMalformedDeclaredTimeoutFailsTheCreationNamingTheMethod() {
		assertThatThrownBy(() -> this.system.createActor(BadTimeout.class).join())
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.hasRootCauseMessage("invalid duration 'soon' in @CallTimeout of go(): write a positive duration such as"
					+ " 500ms, 5s, 2m, 1h or PT5S");
	}

}
