package io.xoscar.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation form: one system for the class, with the declared pools and clock.
 */
@XoscarTest(mainPoolThreads = 1, pools = { @XoscarTest.Pool(name = "cpu", count = 2, labels = "fast"),
		@XoscarTest.Pool(name = "io", threads = 2) }, manualClock = true)
class XoscarTestAnnotationTest {

	private static ActorSystem seen;

	/** An actor for the tests. */
	public static class Pinger extends Actor {

		static final CountDownLatch pinged = new CountDownLatch(1);

		public String where() {
			return address();
		}

		public void ping() {
			pinged.countDown();
		}

	}

	@AfterAll
	static void oneSystemForTheClass(ActorSystem system) {
		assertThat(system).isSameAs(seen);
	}

	@Test
	void hasTheDeclaredPools(ActorSystem system) {
		assertThat(system.pools()).extracting(ActorSystem.PoolInfo::name).containsExactly("main", "cpu", "cpu", "io");
		assertThat(system.pools().get(0).threads()).isEqualTo(1);
		assertThat(system.pools().get(3).threads()).isEqualTo(2);
		assertThat(system.pools().get(1).labels()).containsExactly("fast");
		seen = system;
	}

	@Test
	void placesTestActorsByLabelAndRunsOnTheManualClock(@TestActor(label = "fast") ActorHandle<Pinger> pinger,
			ManualClock clock, ActorSystem system) throws InterruptedException {
		assertThat(pinger.method("where").<String>call()).isIn(system.pools().get(1).address(),
				system.pools().get(2).address());
		CompletableFuture<Void> told = pinger.method("ping").tellDelay(Duration.ofDays(1));
		clock.advance(Duration.ofDays(1));
		assertThat(Pinger.pinged.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(told).succeedsWithin(Duration.ofSeconds(5));
		seen = system;
	}

}
