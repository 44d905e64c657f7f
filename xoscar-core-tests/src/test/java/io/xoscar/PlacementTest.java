package io.xoscar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.NoIdleSlotException;
import io.xoscar.exception.NoSuchPoolException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviours 17 and 18 and the placement rules: main pool, index, random, label, idle label, least
 * loaded, address; the main address resolves actors of every pool.
 */
class PlacementTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.pool(PoolConfig.thread("gpu").count(3).threads(1).labels("gpu"))
		.pool(PoolConfig.thread("io").count(1).threads(2).labels("io", "slow"))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Worker extends Actor {

		public String where() {
			return address();
		}

		public void block(CountDownLatch started, CountDownLatch release) throws InterruptedException {
			started.countDown();
			release.await(10, TimeUnit.SECONDS);
		}

		public void noop() {
		}

	}

	private String poolAddress(int index) {
		return (index == 0) ? this.system.address() : this.system.address() + "/" + index;
	}

	private ActorHandle<Worker> create(Placement placement) {
		return this.system.createActor(Worker.class, CreateOptions.at(placement)).join();
	}

	@Test
	void poolsAreNumberedAndLabelled() {
		assertThat(this.system.pools()).extracting(ActorSystem.PoolInfo::index).containsExactly(0, 1, 2, 3, 4);
		assertThat(this.system.pools()).extracting(ActorSystem.PoolInfo::name).containsExactly("main", "gpu", "gpu", "gpu", "io");
		assertThat(this.system.pools().get(4).labels()).containsExactlyInAnyOrder("io", "slow");
		assertThat(this.system.pools().get(4).threads()).isEqualTo(2);
	}

	@Test
	void mainPoolAndPoolIndex() {
		assertThat(create(Placement.mainPool()).address()).isEqualTo(this.system.address());
		assertThat(create(Placement.pool(2)).address()).isEqualTo(poolAddress(2));
		assertThat(create(Placement.pool(2)).method("where").<String>call()).isEqualTo(poolAddress(2));
		assertThatThrownBy(() -> create(Placement.pool(9))).cause().isInstanceOf(NoSuchPoolException.class)
			.hasMessageContaining("pool(9)");
	}

	@Test
	void randomSubPoolNeverPicksTheMainPool() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			seen.add(create(Placement.randomSubPool()).address());
		}
		assertThat(seen).doesNotContain(this.system.address()).hasSizeGreaterThan(1);
	}

	@Test
	void labelPicksOnlyLabelledPools() {
		for (int i = 0; i < 10; i++) {
			assertThat(create(Placement.label("gpu")).address()).isIn(poolAddress(1), poolAddress(2), poolAddress(3));
		}
		assertThat(create(Placement.label("slow")).address()).isEqualTo(poolAddress(4));
		assertThatThrownBy(() -> create(Placement.label("tpu"))).cause().isInstanceOf(NoSuchPoolException.class)
			.hasMessageContaining("'tpu'");
	}

	@Test
	void addressPicksThatPool() {
		assertThat(create(Placement.address(poolAddress(3))).address()).isEqualTo(poolAddress(3));
		assertThatThrownBy(() -> create(Placement.address(this.system.address() + "/77"))).cause()
			.isInstanceOf(NoSuchPoolException.class);
	}

	@Test
	void idleLabelGivesDistinctPoolsThenNoIdleSlot() {
		Set<String> used = new HashSet<>();
		List<ActorHandle<Worker>> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ActorHandle<Worker> worker = create(Placement.idleLabel("gpu", "model"));
			created.add(worker);
			used.add(worker.address());
		}
		assertThat(used).containsExactlyInAnyOrder(poolAddress(1), poolAddress(2), poolAddress(3));
		assertThatThrownBy(() -> create(Placement.idleLabel("gpu", "model"))).cause()
			.isInstanceOf(NoIdleSlotException.class)
			.hasMessageContaining("gpu")
			.hasMessageContaining("model");
		// another mark is independent, and destroying an actor frees its slot
		assertThat(create(Placement.idleLabel("gpu", "tokenizer")).address()).isNotNull();
		this.system.destroyActor(created.get(1)).join();
		assertThat(create(Placement.idleLabel("gpu", "model")).address()).isEqualTo(created.get(1).address());
	}

	@RepeatedTest(5)
	void parallelIdleLabelCreatesNeverShareAPool() {
		List<CompletableFuture<ActorHandle<Worker>>> creates = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		CountDownLatch go = new CountDownLatch(1);
		for (int i = 0; i < 6; i++) {
			CompletableFuture<ActorHandle<Worker>> result = new CompletableFuture<>();
			creates.add(result);
			Thread thread = new Thread(() -> {
				try {
					go.await();
					this.system.createActor(Worker.class, CreateOptions.at(Placement.idleLabel("gpu", "m"))).whenComplete((handle, error) -> {
						if (error != null) {
							result.completeExceptionally(error);
						}
						else {
							result.complete(handle);
						}
					});
				}
				catch (InterruptedException ex) {
					result.completeExceptionally(ex);
				}
			});
			threads.add(thread);
			thread.start();
		}
		go.countDown();
		List<String> placed = new ArrayList<>();
		int refused = 0;
		for (CompletableFuture<ActorHandle<Worker>> create : creates) {
			try {
				placed.add(create.join().address());
			}
			catch (java.util.concurrent.CompletionException ex) {
				assertThat(ex).hasCauseInstanceOf(NoIdleSlotException.class);
				refused++;
			}
		}
		assertThat(placed).doesNotHaveDuplicates().hasSize(3);
		assertThat(refused).isEqualTo(3);
	}

	@Test
	void leastLoadedPicksFewestActorsThenShortestBacklog() throws Exception {
		// pools 1, 2, 3 hold 2, 0 and 1 actors
		create(Placement.pool(1));
		create(Placement.pool(1));
		ActorHandle<Worker> onThree = create(Placement.pool(3));
		assertThat(create(Placement.leastLoaded("gpu")).address()).isEqualTo(poolAddress(2));
		// now 2, 1, 1; pool 3 gets a backlog of two calls, so pool 2 wins the tie
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		onThree.method("block").send(started, release);
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		onThree.method("noop").send();
		onThree.method("noop").send();
		assertThat(this.system.pools().get(3).backlog()).isEqualTo(2);
		assertThat(create(Placement.leastLoaded("gpu")).address()).isEqualTo(poolAddress(2));
		// 2, 2, 1: pool 3 now has the fewest actors (its thread must be free to construct the actor)
		release.countDown();
		assertThat(create(Placement.leastLoaded("gpu")).address()).isEqualTo(poolAddress(3));
	}

	@Test
	void mainAddressResolvesAndDestroysActorsOfSubPools() {
		ActorHandle<Worker> sub = this.system
			.createActor(Worker.class, CreateOptions.uid("on-sub").placement(Placement.pool(4)))
			.join();
		ActorHandle<Worker> found = this.system.actorRef(this.system.address(), "on-sub", Worker.class).join();
		assertThat(found).isEqualTo(sub);
		assertThat(found.address()).isEqualTo(poolAddress(4));
		ActorHandle<Worker> viaMain = this.system.handle(this.system.address(), "on-sub", Worker.class);
		assertThat(viaMain.method("where").<String>call()).isEqualTo(poolAddress(4));
		assertThat(this.system.hasActor(viaMain).join()).isTrue();
		this.system.destroyActor(viaMain).join();
		assertThat(this.system.hasActor(sub).join()).isFalse();
	}

}
