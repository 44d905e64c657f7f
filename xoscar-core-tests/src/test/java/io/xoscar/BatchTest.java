package io.xoscar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Behaviours 14 to 16: batches of delayed calls, batch implementations and their binding rules.
 */
class BatchTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder().build();

	private final ActorSystem system = this.xoscar.system();

	/** Only single methods: a batch runs each call. */
	public static class Plain extends Actor {

		private final List<String> turns = new ArrayList<>();

		public String upper(String text) {
			this.turns.add(text);
			return text.toUpperCase();
		}

		public CompletableFuture<String> later(String text) {
			return CompletableFuture.supplyAsync(() -> {
				this.turns.add(text);
				return text + "!";
			}, CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.MILLISECONDS));
		}

		public int length(String text) {
			return text.length();
		}

		public List<String> turns() {
			return List.copyOf(this.turns);
		}

	}

	/** Both a single method and its batch implementation. */
	public static class Both extends Actor {

		private final List<String> log = new ArrayList<>();

		@Extensible
		public String put(String key, int value) {
			this.log.add("single " + key);
			return key + "=" + value;
		}

		@BatchOf("put")
		public List<String> putAll(List<String> keys, List<Integer> values) {
			this.log.add("batch " + keys);
			List<String> results = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				results.add(keys.get(i) + ":" + values.get(i));
			}
			return results;
		}

		public List<String> log() {
			return List.copyOf(this.log);
		}

	}

	/** Only a batch implementation (asynchronous). */
	public static class BatchOnly extends Actor {

		@BatchOf("square")
		public CompletableFuture<List<Integer>> squares(List<Integer> values) {
			return CompletableFuture.completedFuture(values.stream().map((v) -> v * v).toList());
		}

	}

	/** A broken batch implementation. */
	public static class ShortBatch extends Actor {

		@Extensible
		public int one(int x) {
			return x;
		}

		@BatchOf("one")
		public List<Integer> many(List<Integer> xs) {
			return List.of(1);
		}

	}

	/** Overloaded batched method: each call binds like a direct call. */
	public static class Overloaded extends Actor {

		@Extensible
		public String fmt(Object value, String unit) {
			return value + unit;
		}

		@Extensible
		public String fmt(Number value, String unit) {
			return value + unit;
		}

		@BatchOf("fmt")
		public List<String> fmtAll(List<Object> values, List<String> units) {
			List<String> out = new ArrayList<>();
			for (int i = 0; i < values.size(); i++) {
				out.add(values.get(i) + " " + units.get(i));
			}
			return out;
		}

	}

	@Test
	void batchOfThreeReturnsThreeResultsInOrderInOneTurn() {
		ActorHandle<Plain> actor = this.system.createActor(Plain.class).join();
		ActorMethod upper = actor.method("upper");
		List<String> results = upper.<String>batch(upper.delay("a"), upper.delay("b"), upper.delay("c")).join();
		assertThat(results).containsExactly("A", "B", "C");
		assertThat(actor.method("turns").<List<String>>call()).containsExactly("a", "b", "c");
	}

	@Test
	void batchOfAsyncMethodRunsCallsOneAfterAnother() {
		ActorHandle<Plain> actor = this.system.createActor(Plain.class).join();
		ActorMethod later = actor.method("later");
		assertThat(later.<String>batch(later.delay("x"), later.delay("y")).join()).containsExactly("x!", "y!");
		assertThat(actor.method("turns").<List<String>>call()).containsExactly("x", "y");
	}

	@Test
	void batchCanBeSentFireAndForget() {
		ActorHandle<Plain> actor = this.system.createActor(Plain.class).join();
		ActorMethod upper = actor.method("upper");
		upper.tellBatch(upper.delay("p"), upper.delay("q")).join();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> actor.method("turns").<List<String>>call(), (turns) -> turns.equals(List.of("p", "q")));
	}

	@Test
	void emptyBatchIsAnEmptyList() {
		ActorHandle<Plain> actor = this.system.createActor(Plain.class).join();
		assertThat(actor.method("upper").batch(List.of()).join()).isEmpty();
	}

	@Test
	void mixingMethodsInOneBatchFailsClearly() {
		ActorHandle<Plain> actor = this.system.createActor(Plain.class).join();
		ActorMethod upper = actor.method("upper");
		DelayedCall other = actor.method("length").delay("x");
		assertThatThrownBy(() -> upper.batch(upper.delay("a"), other).join()).cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("one method")
			.hasMessageContaining("length");
		assertThat(actor.method("turns").<List<String>>call()).isEmpty();
	}

	@Test
	void directCallsUseTheSingleMethodAndBatchesTheBatchImplementation() {
		ActorHandle<Both> actor = this.system.createActor(Both.class).join();
		ActorMethod put = actor.method("put");
		assertThat(put.<String>call("a", 1)).isEqualTo("a=1");
		assertThat(put.<String>batch(put.delay("b", 2), put.delay("c", 3)).join()).containsExactly("b:2", "c:3");
		assertThat(actor.method("log").<List<String>>call()).containsExactly("single a", "batch [b, c]");
	}

	@Test
	void withOnlyABatchImplementationASingleCallGoesThroughItWithOneElement() {
		ActorHandle<BatchOnly> actor = this.system.createActor(BatchOnly.class).join();
		ActorMethod square = actor.method("square");
		assertThat(square.<Integer>call(7)).isEqualTo(49);
		assertThat(square.<Integer>batch(square.delay(2), square.delay(3)).join()).containsExactly(4, 9);
	}

	@Test
	void withNeitherTheCallFailsClearly() {
		ActorHandle<Plain> actor = this.system.createActor(Plain.class).join();
		ActorMethod missing = actor.method("missing");
		assertThatThrownBy(() -> missing.batch(missing.delay(1)).join()).hasCauseInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("'missing'");
	}

	@Test
	void batchCallsBindLikeDirectCalls() {
		ActorHandle<Overloaded> actor = this.system.createActor(Overloaded.class).join();
		ActorMethod fmt = actor.method("fmt");
		assertThat(fmt.<String>batch(fmt.delay(3, "kg"), fmt.delay("x", "m")).join()).containsExactly("3 kg", "x m");
		assertThatThrownBy(() -> fmt.batch(fmt.delay(3, 4)).join()).hasCauseInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("fmt(Integer, Integer)");
		ActorMethod upper = this.system.createActor(Plain.class).join().method("upper");
		assertThatThrownBy(() -> upper.batch(upper.delay("ok"), upper.delay(42)).join())
			.hasCauseInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("(Integer)");
	}

	@Test
	void batchImplementationReturningTheWrongNumberOfResultsFailsClearly() {
		ActorMethod one = this.system.createActor(ShortBatch.class).join().method("one");
		assertThatThrownBy(() -> one.batch(one.delay(1), one.delay(2)).join()).hasCauseInstanceOf(IllegalStateException.class)
			.hasMessageContaining("returned 1 results for 2 calls");
	}

	public static class NotExtensible extends Actor {

		public int get(int x) {
			return x;
		}

		@BatchOf("get")
		public List<Integer> getAll(List<Integer> xs) {
			return xs;
		}

	}

	@Test
	void batchImplementationOfANonExtensibleMethodIsRejectedAtCreation() {
		assertThatThrownBy(() -> this.system.createActor(NotExtensible.class).join()).cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("@Extensible")
			.hasMessageContaining("getAll");
	}

	/** A batched method of a primitive parameter. */
	public static class Doubler extends Actor {

		@Extensible
		public long twice(long x) {
			return 2 * x;
		}

		@BatchOf("twice")
		public List<Long> twiceAll(List<Long> xs) {
			List<Long> out = new ArrayList<>();
			for (Long x : xs) {
				out.add(2 * x);
			}
			return out;
		}

	}

	@Test
	void batchArgumentsAreWidenedLikeThoseOfDirectCalls() {
		ActorHandle<Doubler> doubler = this.system.createActor(Doubler.class).join();
		ActorMethod twice = doubler.method("twice");
		assertThat(twice.<Long>call(21)).isEqualTo(42L);
		// Integer arguments bind to twice(long): the batch implementation gets Longs, as over the wire
		assertThat(twice.<Long>batch(twice.delay(1), twice.delay(2), twice.delay(3L)).join()).containsExactly(2L, 4L, 6L);
	}

}
