package io.xoscar.streaming;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.NoLock;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.streaming.StreamingFixtures.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stateful actor takes no other call while a stream of it is open, unless the stream method is
 * {@link NoLock}; the lock goes with the stream's end or its cancel. In one JVM (pool 0) and across
 * a process pool (pool 1).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StreamingLocksTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx128m"))
		.build();

	private static final ActorSystem system = xoscar.system();

	/** How long a call that should wait is watched not to complete. */
	private static final Duration WAITS = Duration.ofSeconds(1);

	/** A stream that sends one item, then waits until {@link #release} before its last. */
	public static class Gate extends Actor {

		private final CompletableFuture<Void> released = new CompletableFuture<>();

		public Flux<String> held() {
			return gated();
		}

		@NoLock
		public Flux<String> heldNoLock() {
			return gated();
		}

		private Flux<String> gated() {
			return Flux.just("first").concatWith(Mono.fromFuture(this.released, true).thenMany(Flux.just("last")));
		}

		public Flux<Long> endless() {
			return Flux.generate(() -> 0L, (state, sink) -> {
				sink.next(state);
				return state + 1;
			});
		}

		@NoLock
		public void release() {
			this.released.complete(null);
		}

		public String ping() {
			return "pong";
		}

	}

	/** Takes what it is given, and asks for one item at first. */
	static final class Holder extends BaseSubscriber<Object> {

		final List<Object> items = new CopyOnWriteArrayList<>();

		final CompletableFuture<Object> first = new CompletableFuture<>();

		final CompletableFuture<Void> ended = new CompletableFuture<>();

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(Object item) {
			this.items.add(item);
			this.first.complete(item);
		}

		@Override
		protected void hookOnComplete() {
			this.ended.complete(null);
		}

		@Override
		protected void hookOnError(Throwable error) {
			this.ended.completeExceptionally(error);
		}

	}

	private static ActorHandle<Gate> gate(String uid, int pool) {
		return system.createActor(Gate.class, CreateOptions.uid(uid + "-" + pool).placement(Placement.pool(pool)))
			.join();
	}

	private static void awaitStillWaiting(CompletableFuture<?> call) {
		await().during(WAITS)
			.atMost(WAITS.multipliedBy(5))
			.alias("the call waits for the open stream")
			.until(() -> !call.isDone());
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void otherCallsWaitWhileAStreamIsOpenAndRunOnceItCompletes(int pool) throws Exception {
		ActorHandle<Gate> gate = gate("gate-complete", pool);
		Holder holder = new Holder();
		gate.method("held").stream().subscribe(holder);
		assertThat(holder.first.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("first");
		holder.request(Long.MAX_VALUE);

		CompletableFuture<String> ping = gate.method("ping").send();
		awaitStillWaiting(ping);
		assertThat(holder.ended).as("the stream is still open").isNotDone();

		gate.method("release").call();
		holder.ended.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(holder.items).containsExactly("first", "last");
		assertThat(ping.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("pong");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void otherCallsWaitWhileTheSubscriberRequestsNothingAndRunOnceItCancels(int pool) throws Exception {
		ActorHandle<Gate> gate = gate("gate-cancel", pool);
		Holder holder = new Holder();
		gate.method("endless").stream().subscribe(holder);
		assertThat(holder.first.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(0L);

		CompletableFuture<String> ping = gate.method("ping").send();
		awaitStillWaiting(ping);

		holder.cancel();
		assertThat(ping.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("pong");
		assertThat(holder.ended).as("a cancelled stream sends no end").isNotDone();
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void noLockStreamMethodLetsItsActorTakeOtherCallsMeanwhile(int pool) throws Exception {
		ActorHandle<Gate> gate = gate("gate-nolock", pool);
		Holder holder = new Holder();
		gate.method("heldNoLock").stream().subscribe(holder);
		assertThat(holder.first.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("first");
		holder.request(Long.MAX_VALUE);

		assertThat(gate.method("ping").withTimeout(BOUND).<String>call()).isEqualTo("pong");
		assertThat(holder.ended).as("the stream is still open").isNotDone();

		gate.method("release").call();
		holder.ended.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(holder.items).containsExactly("first", "last");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void cancelByTakeFreesTheActor(int pool) {
		ActorHandle<Gate> gate = gate("gate-take", pool);
		assertThat(gate.method("endless").<Long>stream().take(3).collectList().block(BOUND)).containsExactly(0L, 1L,
				2L);
		assertThat(gate.method("ping").withTimeout(Duration.ofSeconds(10)).<String>call()).isEqualTo("pong");
		// and again: each cancel frees it
		assertThat(gate.method("endless").<Long>stream().take(3).collectList().block(BOUND)).hasSize(3);
		assertThat(gate.method("ping").withTimeout(Duration.ofSeconds(10)).<String>call()).isEqualTo("pong");
	}

}
