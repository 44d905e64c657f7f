package io.xoscar.debug;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.DeadlockException;
import io.xoscar.test.ActorSystemExtension;
import io.xoscar.test.DebugEventRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait-for check stays bounded with 100 000 actors: it walks only from mailbox heads that have
 * waited long, each call once per scan, so a node full of actors, many of them with calls queued
 * behind busy ones, still finds a cycle between two chains within a second and reports nothing else.
 */
class WaitForGraphAtScaleTest {

	private static final int ACTORS = 100_000;

	private static final int BUSY = 2_000;

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("bank").count(2).threads(1))
		.pool(PoolConfig.thread("busy").count(1).threads(2))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30)))
		.build();

	public static class Account extends Actor {

		public int transfer(ActorHandle<Account> to, CyclicBarrier together) throws Exception {
			together.await(10, TimeUnit.SECONDS);
			return to.method("deposit").call();
		}

		public int deposit() {
			return 1;
		}

		/** Runs until released: what follows it in the mailbox waits, without any cycle. */
		public int busy(CountDownLatch release) throws InterruptedException {
			release.await(30, TimeUnit.SECONDS);
			return 1;
		}

	}

	@Test
	void aCycleAmongAHundredThousandActorsIsFoundWithinASecond() throws Exception {
		ActorSystem system = this.xoscar.system();
		DebugEventRecorder events = this.xoscar.debugEvents();
		List<CompletableFuture<ActorHandle<Account>>> created = new ArrayList<>(ACTORS);
		for (int i = 0; i < ACTORS; i++) {
			created.add(system.createActor(Account.class, CreateOptions.uid("idle-" + i).placement(Placement.pool(3))));
		}
		List<ActorHandle<Account>> actors = new ArrayList<>(ACTORS);
		for (CompletableFuture<ActorHandle<Account>> actor : created) {
			actors.add(actor.join());
		}
		// calls queued behind busy actors for the whole test: walked from, never a cycle
		CountDownLatch release = new CountDownLatch(1);
		List<CompletableFuture<Integer>> queued = new ArrayList<>();
		for (int i = 0; i < BUSY; i++) {
			queued.add(actors.get(i).method("busy").send(release));
			queued.add(actors.get(i).method("deposit").send());
		}
		ActorHandle<Account> a = system
			.createActor(Account.class, CreateOptions.uid("a").placement(Placement.pool(1))).join();
		ActorHandle<Account> b = system
			.createActor(Account.class, CreateOptions.uid("b").placement(Placement.pool(2))).join();
		CyclicBarrier together = new CyclicBarrier(2);
		long started = System.nanoTime();
		CompletableFuture<Integer> ab = a.method("transfer").send(b, together);
		CompletableFuture<Integer> ba = b.method("transfer").send(a, together);
		CompletableFuture.anyOf(ab, ba).handle((value, error) -> null).get(10, TimeUnit.SECONDS);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).isLessThan(Duration.ofSeconds(1));
		int failed = 0;
		for (CompletableFuture<Integer> transfer : List.of(ab, ba)) {
			try {
				assertThat(transfer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(DeadlockException.class);
				failed++;
			}
		}
		assertThat(failed).isEqualTo(1);
		assertThat(events.awaitDeadlock(Duration.ofSeconds(5)).cycle()).hasSize(4);
		release.countDown();
		CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		assertThat(system.deadlocks()).hasSize(1);
	}

}
