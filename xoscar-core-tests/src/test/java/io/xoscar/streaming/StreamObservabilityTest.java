package io.xoscar.streaming;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.CallInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a node shows of its streams, in one JVM and in a process pool: an open stream is listed
 * among its actor's calls in flight (as a stream, with the items sent so far), the pool's
 * {@code xoscar.pool.streams} gauge counts it until it is cancelled, and
 * {@code xoscar.stream.items} counts the items by actor class, method and pool.
 */
class StreamObservabilityTest {

	private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("cpu").threads(2))
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx128m"))
		.configure((config) -> config.meterRegistry(registry))
		.build();

	private static final ActorSystem system = xoscar.system();

	/** Streams numbers, as many as asked for. */
	public static class Numbers extends Actor {

		public Flux<Long> count() {
			return Flux.generate(() -> 0L, (next, sink) -> {
				sink.next(next);
				return next + 1;
			});
		}

	}

	/** Takes items one by one, as the test says. */
	private static final class Holding extends BaseSubscriber<Long> {

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(5);
		}

	}

	@ParameterizedTest
	@CsvSource({ "1, cpu", "2, gpu" })
	void anOpenStreamIsListedGaugedAndItsItemsCounted(int pool, String group) {
		ActorHandle<Numbers> numbers = system
			.createActor(Numbers.class, CreateOptions.uid("numbers-" + group).placement(Placement.pool(pool)))
			.join();
		Holding holding = numbers.method("count").<Long>stream().subscribeWith(new Holding());
		try {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				CallInfo stream = streamOf("numbers-" + group);
				assertThat(stream).as("listed stream").isNotNull();
				assertThat(stream.method()).isEqualTo("count");
				assertThat(stream.items()).isEqualTo(5);
				assertThat(registry.get("xoscar.pool.streams").tag("pool", group).gauge().value()).isEqualTo(1.0);
			});
		}
		finally {
			holding.cancel();
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(streamOf("numbers-" + group)).as("listed after cancel").isNull();
			assertThat(registry.get("xoscar.pool.streams").tag("pool", group).gauge().value()).isZero();
		});

		assertThat(numbers.method("count").<Long>stream().take(100).count().block(Duration.ofSeconds(20))).isEqualTo(100);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(registry.get("xoscar.stream.items")
			.tag("actor", Numbers.class.getName())
			.tag("method", "count")
			.tag("pool", group)
			.functionCounter()
			.count()).isGreaterThanOrEqualTo(105.0));
	}

	private static CallInfo streamOf(String uid) {
		List<ActorInfo> actors = system.actors().join();
		return actors.stream()
			.filter((actor) -> actor.uid().equals(uid))
			.flatMap((actor) -> actor.inFlight().stream())
			.filter(CallInfo::stream)
			.findFirst()
			.orElse(null);
	}

}
