package io.xoscar.streaming;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.exception.DeadlockException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A producer that calls back into the actor waiting on its stream is a deadlock (the consumer holds
 * its lock while it waits for items, the producer's call waits for that lock): it is detected and
 * broken with {@link DeadlockException}, instead of hanging until the call timeout.
 */
class StreamDeadlockTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub").count(2).threads(1))
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx128m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30)))
		.build();

	private static final ActorSystem system = xoscar.system();

	/** Streams items, asking the consumer for each one. */
	public static class Producer extends Actor {

		public Flux<String> askEach(ActorHandle<Consumer> consumer) {
			return Flux.range(0, 3).map((i) -> consumer.method("name").<String>call() + i);
		}

	}

	/** Waits for the producer's stream while it holds its own lock. */
	public static class Consumer extends Actor {

		public List<String> consume(ActorHandle<Producer> producer) {
			return producer.method("askEach").<String>stream(self()).collectList().block(Duration.ofSeconds(60));
		}

		public String name() {
			return "consumer";
		}

	}

	/** The producer in another pool of this JVM (1), or in a process pool (3). */
	@ParameterizedTest(name = "producer in pool {0}")
	@ValueSource(ints = { 1, 3 })
	void aProducerCallingBackIntoItsWaitingConsumerIsADeadlockThatIsBroken(int pool) {
		ActorHandle<Producer> producer = system
			.createActor(Producer.class, CreateOptions.uid("producer-" + pool).placement(Placement.pool(pool)))
			.join();
		ActorHandle<Consumer> consumer = system
			.createActor(Consumer.class, CreateOptions.uid("consumer-" + pool).placement(Placement.pool(2)))
			.join();
		long started = System.nanoTime();
		assertThatThrownBy(() -> consumer.method("consume").call(producer)).isInstanceOf(DeadlockException.class)
			.hasMessageContaining("consumer")
			.hasMessageContaining("producer");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("broken long before the call timeout")
			.isLessThan(Duration.ofSeconds(20));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(system.deadlocks())
			.extracting(DeadlockReport::message)
			.anySatisfy((message) -> assertThat(message).contains("askEach")));
		assertThat(consumer.method("name").<String>call()).as("the consumer takes calls again").isEqualTo("consumer");
	}

}
