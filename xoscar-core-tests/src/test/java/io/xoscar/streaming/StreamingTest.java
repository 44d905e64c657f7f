package io.xoscar.streaming;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.NoLock;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.streaming.StreamingFixtures.BOUND;
import static io.xoscar.streaming.StreamingFixtures.WINDOW;
import static io.xoscar.streaming.StreamingFixtures.awaitStable;
import static io.xoscar.streaming.StreamingFixtures.failureOf;
import static io.xoscar.streaming.StreamingFixtures.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Streams through {@link io.xoscar.ActorMethod#stream} and typed proxies: items, errors, demand,
 * cancel and the idle timeout, each in one JVM (pool 0) and across a process pool (pool 1).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StreamingTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx256m"))
		.build();

	private static final ActorSystem system = xoscar.system();

	/**
	 * Actor classes of the process pool: nothing in them may touch the test class's statics, else
	 * the child JVM initializes the test class and starts an actor system of its own.
	 */
	public static class Producer extends Actor {

		static final int CHUNK = 1 << 20;

		private final AtomicLong generated = new AtomicLong();

		public Flux<Long> range(long count) {
			return Flux.range(0, (int) count).map((i) -> (long) i);
		}

		public Flux<byte[]> chunks(int count) {
			return Flux.range(0, count).map(Producer::chunk);
		}

		public Flux<Long> endless() {
			return Flux.generate((sink) -> sink.next(this.generated.incrementAndGet()));
		}

		@NoLock
		public long generated() {
			return this.generated.get();
		}

		public Flux<String> failsAfterThree() {
			return Flux.concat(Flux.just("a", "b", "c"), Flux.error(new IllegalStateException("no more after c")));
		}

		public Stream<String> words(int count) {
			return IntStream.range(0, count).mapToObj((i) -> "word-" + i);
		}

		public Flux<String> silent() {
			return Flux.never();
		}

		public Flux<String> two() {
			return Flux.just("one", "two");
		}

		public String name() {
			return "producer";
		}

		/** @return chunk {@code index}: 1 MiB filled with a pattern of its index */
		static byte[] chunk(int index) {
			byte[] chunk = new byte[CHUNK];
			for (int i = 0; i < chunk.length; i++) {
				chunk[i] = (byte) (index * 31 + i * 7 + (i >>> 10));
			}
			return chunk;
		}

	}

	public interface RangeApi {

		Flux<Long> range(long count);

	}

	public interface NameAsStreamApi {

		Flux<String> name();

	}

	private static ActorHandle<Producer> producer(String uid, int pool) {
		return system.createActor(Producer.class, CreateOptions.uid(uid + "-" + pool).placement(Placement.pool(pool)))
			.join();
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void manySmallItemsArriveCompleteAndInOrder(int pool) {
		ActorHandle<Producer> producer = producer("many", pool);
		List<Long> items = producer.method("range").<Long>stream(200_000L).collectList().block(Duration.ofSeconds(60));
		assertThat(items).hasSize(200_000);
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i) != i) {
				throw new AssertionError("item " + i + " is " + items.get(i));
			}
		}
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void megabyteChunksArriveIntact(int pool) {
		ActorHandle<Producer> producer = producer("chunks", pool);
		List<byte[]> chunks = producer.method("chunks").<byte[]>stream(16).collectList().block(Duration.ofSeconds(60));
		assertThat(chunks).hasSize(16);
		for (int i = 0; i < chunks.size(); i++) {
			assertThat(chunks.get(i)).as("chunk %d", i).hasSize(Producer.CHUNK);
			assertThat(Arrays.equals(chunks.get(i), Producer.chunk(i))).as("chunk %d intact", i).isTrue();
		}
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void takeOfAnEndlessStreamStopsTheProducer(int pool) {
		ActorHandle<Producer> producer = producer("endless", pool);
		List<Long> items = producer.method("endless").<Long>stream().take(10).collectList().block(BOUND);
		assertThat(items).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		long generated = awaitStable(() -> producer.method("generated").<Long>call());
		if (pool == 0) {
			// in one JVM the generator runs only on demand
			assertThat(generated).isEqualTo(10);
		}
		else {
			assertThat(generated).isLessThan(10 + WINDOW + 1024);
		}
	}

	/** Asks for items only when the test says so. */
	static final class OneByOne extends BaseSubscriber<Long> {

		final BlockingQueue<Long> items = new LinkedBlockingQueue<>();

		final CompletableFuture<Void> ended = new CompletableFuture<>();

		private final long first;

		OneByOne(long first) {
			this.first = first;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			if (this.first > 0) {
				request(this.first);
			}
		}

		@Override
		protected void hookOnNext(Long item) {
			this.items.add(item);
		}

		@Override
		protected void hookOnComplete() {
			this.ended.complete(null);
		}

		@Override
		protected void hookOnError(Throwable error) {
			this.ended.completeExceptionally(error);
		}

		Long next() throws InterruptedException {
			Long item = this.items.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(item).as("an item within %s", BOUND).isNotNull();
			return item;
		}

	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void consumerRequestingOneAtATimeKeepsTheProducerWithinOneWindow(int pool) throws InterruptedException {
		ActorHandle<Producer> producer = producer("one-by-one", pool);
		OneByOne consumer = new OneByOne(1);
		producer.method("endless").<Long>stream().subscribe(consumer);
		long consumed = 0;
		try {
			for (long checkpoint : new long[] { 1, 2, 50, 700, 1500 }) {
				while (consumed < checkpoint) {
					if (consumed > 0) {
						consumer.request(1);
					}
					assertThat(consumer.next()).isEqualTo(consumed + 1);
					consumed++;
				}
				long k = consumed;
				assertThat(producer.method("generated").<Long>call()).as("generated after %d consumed", k)
					.isLessThanOrEqualTo(k + WINDOW);
				long settled = awaitStable(() -> producer.method("generated").<Long>call());
				assertThat(settled).as("generated after %d consumed, settled", k).isLessThanOrEqualTo(k + WINDOW);
				assertThat(consumer.items).as("nothing more arrived than asked for").isEmpty();
			}
		}
		finally {
			consumer.dispose();
		}
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void errorAfterThreeItemsArrivesAfterThemTyped(int pool) {
		ActorHandle<Producer> producer = producer("fails", pool);
		List<Signal<String>> signals = signals(producer.method("failsAfterThree").<String>stream());
		assertThat(signals).hasSize(4);
		assertThat(signals.subList(0, 3)).extracting(Signal::get).containsExactly("a", "b", "c");
		assertThat(signals.get(3).isOnError()).as("4th signal is an error: %s", signals.get(3)).isTrue();
		assertThat(signals.get(3).getThrowable()).isExactlyInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no more after c");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void typedProxyMethodReturningFluxStreams(int pool) {
		RangeApi api = producer("typed", pool).as(RangeApi.class);
		assertThat(api.range(1000).collectList().block(BOUND)).hasSize(1000).startsWith(0L, 1L, 2L).endsWith(999L);
		// lazily: each subscription makes one call
		Flux<Long> five = api.range(5);
		assertThat(five.collectList().block(BOUND)).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(five.collectList().block(BOUND)).containsExactly(0L, 1L, 2L, 3L, 4L);
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void typedProxyFluxOverAMethodReturningStringFailsAtAs(int pool) {
		ActorHandle<Producer> producer = producer("typed-bad", pool);
		assertThatThrownBy(() -> producer.as(NameAsStreamApi.class)).isInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("name");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void methodReturningJavaUtilStreamStreams(int pool) {
		ActorHandle<Producer> producer = producer("words", pool);
		List<String> words = producer.method("words").<String>stream(2000).collectList().block(BOUND);
		assertThat(words).hasSize(2000);
		for (int i = 0; i < words.size(); i++) {
			assertThat(words.get(i)).isEqualTo("word-" + i);
		}
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void producerThatNeverEmitsFailsWithCallTimeoutNamingTheMethod(int pool) {
		ActorHandle<Producer> producer = producer("silent", pool);
		long start = System.nanoTime();
		Throwable failure = failureOf(producer.method("silent").withTimeout(Duration.ofMillis(300)).stream(),
				Duration.ofSeconds(10));
		assertThat(failure).isInstanceOf(CallTimeoutException.class).hasMessageContaining("silent");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		// the stream was cancelled: the actor takes calls again
		assertThat(producer.method("name").withTimeout(Duration.ofSeconds(10)).<String>call()).isEqualTo("producer");
	}

	/** A subscriber that wants no item for three timeout periods, then wants them all. */
	static final class Patient extends BaseSubscriber<String> {

		final List<String> items = new java.util.concurrent.CopyOnWriteArrayList<>();

		final CompletableFuture<Void> ended = new CompletableFuture<>();

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			// requests nothing yet
		}

		@Override
		protected void hookOnNext(String item) {
			this.items.add(item);
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

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void subscriberRequestingNothingIsNotTimedOut(int pool) throws Exception {
		ActorHandle<Producer> producer = producer("patient", pool);
		Patient patient = new Patient();
		producer.method("two").withTimeout(Duration.ofMillis(300)).<String>stream().subscribe(patient);
		await().during(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(5))
			.alias("nothing happens while nothing is requested")
			.until(() -> !patient.ended.isDone() && patient.items.isEmpty());
		patient.request(Long.MAX_VALUE);
		patient.ended.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(patient.items).containsExactly("one", "two");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void sendOfAStreamMethodFailsNamingTheMethod(int pool) {
		ActorHandle<Producer> producer = producer("misuse-send", pool);
		Throwable failure = StreamingFixtures.failureOf(() -> producer.method("range").send(5L), BOUND);
		assertThat(failure).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("range")
			.hasMessageContaining("returns a stream")
			.hasMessageContaining("stream(..)");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void callOfAStreamMethodFailsNamingTheMethod(int pool) {
		ActorHandle<Producer> producer = producer("misuse-call", pool);
		assertThatThrownBy(() -> producer.method("range").call(5L)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("range")
			.hasMessageContaining("stream(..)");
	}

	@ParameterizedTest(name = "pool {0}")
	@ValueSource(ints = { 0, 1 })
	void streamOfAPlainMethodFailsNamingTheMethod(int pool) {
		ActorHandle<Producer> producer = producer("misuse-stream", pool);
		Throwable failure = failureOf(producer.method("name").stream(), BOUND);
		assertThat(failure).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("name")
			.hasMessageContaining("not a stream");
	}

}
