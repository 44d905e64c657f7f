package io.xoscar.streaming;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams between nodes, as between hosts (TCP, no Unix sockets): a node streams from another
 * node's actor in its main pool and in its process pool, the handle resolved by the other node's
 * address; items arrive complete and in order, and {@code take} ends the producer's stream.
 */
class StreamingAcrossNodesTest {

	private static ActorSystem producerNode;

	private static ActorSystem callerNode;

	/** Streams numbers. */
	public static class Counter extends Actor {

		public Flux<Long> upTo(long count) {
			return Flux.range(0, (int) count).map((i) -> (long) i);
		}

		public Flux<Long> endless() {
			return Flux.generate(() -> 0L, (next, sink) -> {
				sink.next(next);
				return next + 1;
			});
		}

	}

	@BeforeAll
	static void start() {
		producerNode = ActorSystem.create(ActorSystemConfig.builder()
			.unixSockets(false)
			.mainPoolThreads(2)
			.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx128m"))
			.build());
		callerNode = ActorSystem.create(ActorSystemConfig.builder().unixSockets(false).mainPoolThreads(2).build());
	}

	@AfterAll
	static void stop() {
		callerNode.close();
		producerNode.close();
	}

	@ParameterizedTest(name = "producer in pool {0}")
	@ValueSource(ints = { 0, 1 })
	void itemsArriveInOrderFromAnotherNodeAndTakeEndsTheStream(int pool) {
		String uid = "counter-" + pool;
		producerNode.createActor(Counter.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
		ActorHandle<Counter> counter = callerNode.actorRef(producerNode.address(), uid, Counter.class).join();

		List<Long> items = counter.method("upTo").<Long>stream(50_000L).collectList().block(Duration.ofSeconds(30));
		assertThat(items).hasSize(50_000);
		for (int i = 0; i < items.size(); i++) {
			assertThat(items.get(i)).isEqualTo(i);
		}
		assertThat(callerNode.channelTo(counter.address())).isEqualTo("tcp");
		assertThat(counter.method("endless").<Long>stream().take(7).collectList().block(Duration.ofSeconds(30)))
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void aStreamOfAProcessPoolsActorIsRelayedByItsNodesMainAddress() {
		producerNode.createActor(Counter.class, CreateOptions.uid("relayed").placement(Placement.pool(1))).join();
		// not resolved: calls go to the node's main address, which relays them to the pool's process
		ActorHandle<Counter> counter = callerNode.handle(producerNode.address(), "relayed", Counter.class);
		List<Long> items = counter.method("upTo").<Long>stream(20_000L).collectList().block(Duration.ofSeconds(30));
		assertThat(items).hasSize(20_000).startsWith(0L, 1L).endsWith(19_999L);
		assertThat(counter.method("endless").<Long>stream().take(3).collectList().block(Duration.ofSeconds(30)))
			.containsExactly(0L, 1L, 2L);
	}

}
