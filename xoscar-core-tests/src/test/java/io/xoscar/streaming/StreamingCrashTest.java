package io.xoscar.streaming;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.NoLock;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.recovery.RestartLimits;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.streaming.StreamingFixtures.BOUND;
import static io.xoscar.streaming.StreamingFixtures.CHILD;
import static io.xoscar.streaming.StreamingFixtures.RESTART;
import static io.xoscar.streaming.StreamingFixtures.awaitRestarted;
import static io.xoscar.streaming.StreamingFixtures.awaitUp;
import static io.xoscar.streaming.StreamingFixtures.failureWithin;
import static io.xoscar.streaming.StreamingFixtures.kill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams across processes when a child JVM is killed with SIGKILL: the caller of a stream from
 * the dead pool gets {@link PoolDownException}; a producer whose caller died has its stream
 * cancelled. Each test waits for the pool to be back.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StreamingCrashTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx128m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(60))
			.processRestartLimits(new RestartLimits(10, Duration.ofMinutes(1), Duration.ofMillis(50),
					Duration.ofMillis(200), 0.2))
			.restartWait(Duration.ofSeconds(30)))
		.build();

	private static final ActorSystem system = xoscar.system();

	/** An endless stream of ticks that records its cancel. */
	public static class Ticker extends Actor {

		private final AtomicBoolean cancelled = new AtomicBoolean();

		private final AtomicLong ticks = new AtomicLong();

		public Flux<Long> ticks() {
			return Flux.interval(Duration.ofMillis(20))
				.onBackpressureDrop()
				.doOnNext((tick) -> this.ticks.incrementAndGet())
				.doOnCancel(() -> this.cancelled.set(true));
		}

		@NoLock
		public boolean cancelled() {
			return this.cancelled.get();
		}

		@NoLock
		public long ticksSent() {
			return this.ticks.get();
		}

	}

	/** Consumes the ticks of a ticker when told. */
	public static class Consumer extends Actor {

		private final AtomicLong received = new AtomicLong();

		private volatile Disposable subscription;

		public void consume(ActorHandle<Ticker> ticker) {
			this.subscription = ticker.method("ticks").<Long>stream().subscribe((tick) -> this.received.incrementAndGet());
		}

		@NoLock
		public long received() {
			return this.received.get();
		}

	}

	@BeforeEach
	void poolIsUp() {
		awaitUp(system, CHILD);
	}

	@Test
	void streamWhoseProcessPoolIsKilledFailsWithPoolDown() {
		ActorHandle<Ticker> ticker = system
			.createActor(Ticker.class, CreateOptions.uid("ticker-in-child").placement(Placement.pool(CHILD)))
			.join();
		AtomicLong received = new AtomicLong();
		CompletableFuture<Throwable> ended = new CompletableFuture<>();
		ticker.method("ticks")
			.<Long>stream()
			.subscribe((tick) -> received.incrementAndGet(), ended::complete, () -> ended.complete(null));
		await().atMost(BOUND).alias("ticks arrive").until(() -> received.get() >= 3);

		long pid = kill(system, CHILD);
		Throwable failure = failureWithin(ended.thenCompose((error) -> (error != null)
				? CompletableFuture.failedFuture(error) : CompletableFuture.completedFuture("completed")), RESTART);
		assertThat(failure).isInstanceOf(PoolDownException.class);
		awaitRestarted(system, CHILD, pid);
	}

	@Test
	void callerWhoseProcessDiesHasItsStreamCancelledOnTheProducersSide() {
		ActorHandle<Ticker> ticker = system
			.createActor(Ticker.class, CreateOptions.uid("ticker-in-main").placement(Placement.pool(0)))
			.join();
		ActorHandle<Consumer> consumer = system
			.createActor(Consumer.class, CreateOptions.uid("consumer-in-child").placement(Placement.pool(CHILD)))
			.join();
		consumer.method("consume").withTimeout(BOUND).call(ticker);
		await().atMost(BOUND)
			.alias("the consumer in the child receives ticks")
			.until(() -> consumer.method("received").<Long>call() >= 3);
		assertThat(ticker.method("cancelled").<Boolean>call()).as("cancelled before the kill").isFalse();

		long pid = kill(system, CHILD);
		await().atMost(Duration.ofSeconds(30))
			.alias("the producer's stream is cancelled once its caller's process died")
			.until(() -> ticker.method("cancelled").<Boolean>call());
		long sent = ticker.method("ticksSent").<Long>call();
		awaitRestarted(system, CHILD, pid);
		assertThat(ticker.method("ticksSent").<Long>call()).as("no ticks after the cancel").isEqualTo(sent);
	}

}
