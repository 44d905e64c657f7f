package io.xoscar.streaming;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.NoLock;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamingSmokeTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx256m"))
		.build();

	private static final ActorSystem system = xoscar.system();

	public static class Producer extends Actor {

		private final AtomicLong generated = new AtomicLong();

		public Flux<Long> range(long count) {
			return Flux.range(0, (int) count).map((i) -> (long) i);
		}

		public Flux<Long> endless() {
			return Flux.generate((sink) -> sink.next(this.generated.incrementAndGet()));
		}

		@NoLock
		public long generated() {
			return this.generated.get();
		}

		public Flux<String> failsAfterThree() {
			return Flux.concat(Flux.just("a", "b", "c"), Flux.error(new IllegalStateException("no more")));
		}

	}

	private static ActorHandle<Producer> producer(String uid, int pool) {
		return system.createActor(Producer.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void manyItemsInOrder(int pool) {
		ActorHandle<Producer> producer = producer("many-" + pool, pool);
		List<Long> items = producer.method("range").<Long>stream(200_000L).collectList().block(Duration.ofSeconds(60));
		assertThat(items).hasSize(200_000);
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i) != i) {
				throw new AssertionError("item " + i + " is " + items.get(i));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void takeStopsTheProducer(int pool) {
		ActorHandle<Producer> producer = producer("endless-" + pool, pool);
		assertThat(producer.method("endless").<Long>stream().take(10).collectList().block(Duration.ofSeconds(30)))
			.hasSize(10);
		await().untilAsserted(() -> {
			long before = producer.method("generated").<Long>call();
			assertThat(producer.method("generated").<Long>call()).isEqualTo(before);
		});
		assertThat(producer.method("generated").<Long>call()).isLessThan(2000);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void errorAfterThree(int pool) {
		ActorHandle<Producer> producer = producer("fails-" + pool, pool);
		List<Object> seen = new java.util.ArrayList<>();
		Throwable[] error = new Throwable[1];
		producer.method("failsAfterThree").<String>stream()
			.doOnNext(seen::add)
			.onErrorResume((e) -> {
				error[0] = e;
				return Flux.empty();
			})
			.blockLast(Duration.ofSeconds(30));
		assertThat(seen).containsExactly("a", "b", "c");
		assertThat(error[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("no more");
		System.out.println("ERROR: " + error[0]);
	}

}
