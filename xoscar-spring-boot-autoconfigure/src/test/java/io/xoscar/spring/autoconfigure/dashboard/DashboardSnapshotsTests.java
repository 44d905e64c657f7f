package io.xoscar.spring.autoconfigure.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.actuate.endpoint.XoscarEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * What a dashboard snapshot says of a running node: totals over all actors, one page of them, open
 * streams from the same listing; and that with 10 000 actors a page stays small and quick.
 */
class DashboardSnapshotsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=2", "xoscar.pools.cpu.count=1");

	private static final JsonMapper json = JsonMapper.builder().build();

	public static class Tiny extends StatelessActor {

		public String echo(String text) {
			return text;
		}

	}

	/** Streams numbers, as many as asked for. */
	public static class Numbers extends Actor {

		public Flux<Long> numbers() {
			return Flux.generate(() -> 0L, (next, sink) -> {
				sink.next(next);
				return next + 1;
			});
		}

	}

	@Test
	void totalsCoverAllActorsAndStreamsComeFromTheSameListing() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			DashboardSnapshots snapshots = new DashboardSnapshots(new XoscarEndpoint(system));
			create(system, 5);
			ActorHandle<Tiny> first = system.handle(system.address(), "tiny-00000", Tiny.class);
			for (int i = 0; i < 7; i++) {
				first.method("echo").send("hi").join();
			}
			ActorHandle<Numbers> numbers = system
				.createActor(Numbers.class, CreateOptions.uid("numbers").placement(Placement.pool(1)))
				.join();
			BaseSubscriber<Long> holding = numbers.method("numbers").<Long>stream().subscribeWith(new BaseSubscriber<>() {

				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					subscription.request(3);
				}

			});
			try {
				await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
					DashboardSnapshot snapshot = snapshots.take(new DashboardQuery("tiny", 0, 2, "calls"));
					assertThat(snapshot.totals().actors()).isEqualTo(6);
					assertThat(snapshot.totals().calls()).isGreaterThanOrEqualTo(8);
					assertThat(snapshot.totals().openStreams()).isEqualTo(1);
					assertThat(snapshot.totals().inFlight()).isEqualTo(1);
					assertThat(snapshot.actors().total()).isEqualTo(5);
					assertThat(snapshot.actors().items()).hasSize(2).first()
						.satisfies((actor) -> assertThat(actor.uid()).isEqualTo("tiny-00000"));
					assertThat(snapshot.streams()).singleElement().satisfies((stream) -> {
						assertThat(stream.uid()).isEqualTo("numbers");
						assertThat(stream.pool()).isEqualTo(snapshot.pools().get(1).id());
						assertThat(stream.items()).isEqualTo(3);
					});
					assertThat(snapshot.pools()).hasSize(2).allSatisfy((pool) -> assertThat(pool.actors()).isNull());
					assertThat(snapshot.pools().get(0).actorCount() + snapshot.pools().get(1).actorCount())
						.isEqualTo(6);
				});
			}
			finally {
				holding.cancel();
			}
		});
	}

	@Test
	void queriesAreChecked() {
		assertThat(DashboardQuery.of((name) -> null)).isEqualTo(DashboardQuery.all());
		assertThat(DashboardQuery.of((name) -> name.equals("filter") ? " Tiny " : null).filter()).isEqualTo("tiny");
		assertThatIllegalArgumentException().isThrownBy(() -> new DashboardQuery("", -1, 10, "uid"));
		assertThatIllegalArgumentException().isThrownBy(() -> new DashboardQuery("", 0, 1001, "uid"));
		assertThatIllegalArgumentException().isThrownBy(() -> new DashboardQuery("", 0, 10, "size"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DashboardQuery.of((name) -> name.equals("limit") ? "ten" : null));
	}

	@Test
	void aPageOfTenThousandActorsIsSmallAndQuick() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			DashboardSnapshots snapshots = new DashboardSnapshots(new XoscarEndpoint(system));
			create(system, 10_000);
			snapshots.take(DashboardQuery.all()); // warm up
			long start = System.nanoTime();
			DashboardSnapshot snapshot = snapshots.take(DashboardQuery.all());
			byte[] bytes = json.writeValueAsBytes(snapshot);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(snapshot.totals().actors()).isEqualTo(10_000);
			assertThat(snapshot.actors().total()).isEqualTo(10_000);
			assertThat(snapshot.actors().items()).hasSize(DashboardQuery.DEFAULT_LIMIT);
			assertThat(bytes.length).as("bytes of one page").isLessThan(100_000);
			assertThat(took).as("snapshot and JSON").isLessThan(Duration.ofSeconds(1));
			System.out.printf("10 000 actors: snapshot of one page in %d ms, %d bytes%n", took.toMillis(),
					bytes.length);
		});
	}

	private static void create(ActorSystem system, int count) {
		List<CompletableFuture<?>> created = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			created.add(system.createActor(Tiny.class,
					CreateOptions.uid(String.format("tiny-%05d", i)).placement(Placement.pool(i % 2))));
		}
		CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
	}

}
