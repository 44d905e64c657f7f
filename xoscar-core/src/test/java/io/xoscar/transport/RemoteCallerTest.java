package io.xoscar.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.debug.SlowCallAlert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow-call alert raised in a process pool's child JVM names who made the call in the parent: the
 * calling actor (uid, class, method, pool address) or, for a plain thread, its name and node. The
 * parent lists the child's alerts in {@link ActorSystem#slowCalls()}.
 */
class RemoteCallerTest {

	private static ActorSystem system;

	@BeforeAll
	static void start() {
		system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.pool(PoolConfig.process("sleepy").threads(2))
			.slowCallThreshold(Duration.ofMillis(300))
			.build());
	}

	@AfterAll
	static void stop() {
		system.close();
	}

	public static class Sleeper extends Actor {

		public String sleep(String tag, long millis) throws InterruptedException {
			Thread.sleep(millis);
			return tag;
		}

	}

	/** Lives in the parent's main pool and calls the sleeper in the child. */
	public static class Impatient extends Actor {

		public String callSleeper(ActorHandle<Sleeper> to, String tag) {
			return to.method("sleep").call(tag, 700L);
		}

	}

	private static ActorHandle<Sleeper> sleeper(String uid) {
		return system.createActor(Sleeper.class, CreateOptions.uid(uid).placement(Placement.pool(1))).join();
	}

	/** @return the alert of the sleeper's call, once the parent lists it */
	private static SlowCallAlert alertOf(String uid) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> system.slowCalls().stream().filter((alert) -> alert.uid().equals(uid)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	@Test
	void aCallFromAnActorOfTheParentNamesThatActor() throws Exception {
		ActorHandle<Sleeper> sleeper = sleeper("sleeps-for-an-actor");
		ActorHandle<Impatient> impatient = system.createActor(Impatient.class, CreateOptions.uid("impatient")).join();
		assertThat(impatient.method("callSleeper").<String>send(sleeper, "from-actor").get(10, TimeUnit.SECONDS))
			.isEqualTo("from-actor");
		SlowCallAlert alert = alertOf("sleeps-for-an-actor");
		assertThat(alert.pool()).isEqualTo(1);
		assertThat(alert.caller()).isEqualTo("'impatient' (Impatient).callSleeper at " + system.address());
	}

	@Test
	void aCallFromAPlainThreadNamesTheThreadAndItsNode() throws Exception {
		ActorHandle<Sleeper> sleeper = sleeper("sleeps-for-a-thread");
		CompletableFuture<String> answer = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				answer.complete(sleeper.method("sleep").call("from-thread", 700L));
			}
			catch (RuntimeException ex) {
				answer.completeExceptionally(ex);
			}
		}, "report-builder-7");
		caller.start();
		assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("from-thread");
		SlowCallAlert alert = alertOf("sleeps-for-a-thread");
		assertThat(alert.pool()).isEqualTo(1);
		assertThat(alert.caller()).isEqualTo("thread report-builder-7 of node " + system.address());
	}

}
