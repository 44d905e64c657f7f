package io.xoscar;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.CallInfo;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listings of actors: class, kind, pool, backlog, calls started and calls in flight with their age
 * and thread (what the Actuator endpoint shows).
 */
class IntrospectionTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("work").threads(2))
		.build();

	private final ActorSystem system = this.xoscar.system();

	private final CountDownLatch release = new CountDownLatch(1);

	private final CompletableFuture<String> later = new CompletableFuture<>();

	@AfterEach
	void releaseWaiters() {
		this.release.countDown();
		this.later.complete("done");
	}

	public static class Gate extends Actor {

		public String hold(CountDownLatch latch) throws InterruptedException {
			return latch.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
		}

		public CompletableFuture<String> awaitLater(CompletableFuture<String> future) {
			return future;
		}

		public int quick() {
			return 1;
		}

	}

	public static class Pure extends StatelessActor {

		public String hold(CountDownLatch latch) throws InterruptedException {
			return latch.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
		}

	}

	private ActorInfo info(String uid) {
		return this.system.actors().join().stream().filter((actor) -> actor.uid().equals(uid)).findFirst().orElseThrow();
	}

	@Test
	void aBusyStatefulActorShowsItsRunningCallAndItsBacklog() {
		ActorHandle<Gate> gate = this.system.createActor(Gate.class, CreateOptions.uid("gate").placement(Placement.pool(1)))
			.join();
		gate.method("quick").call();
		CompletableFuture<String> held = gate.method("hold").send(this.release);
		List<CompletableFuture<Integer>> queued = List.of(gate.method("quick").send(), gate.method("quick").send());
		await().atMost(Duration.ofSeconds(10)).until(() -> info("gate").inFlight().size() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> info("gate").inFlight().get(0).age().toMillis() >= 50);
		ActorInfo busy = info("gate");
		assertThat(busy.actorClass()).isEqualTo(Gate.class.getName());
		assertThat(busy.stateful()).isTrue();
		assertThat(busy.pool()).isEqualTo(1);
		assertThat(busy.address()).isEqualTo(gate.address());
		assertThat(busy.backlog()).isEqualTo(2);
		assertThat(busy.calls()).isEqualTo(2);
		CallInfo running = busy.inFlight().get(0);
		assertThat(running.method()).isEqualTo("hold");
		assertThat(running.thread()).startsWith("xoscar-work-1");
		this.release.countDown();
		assertThat(held.join()).isEqualTo("released");
		queued.forEach(CompletableFuture::join);
		ActorInfo idle = info("gate");
		assertThat(idle.inFlight()).isEmpty();
		assertThat(idle.backlog()).isZero();
		assertThat(idle.calls()).isEqualTo(4);
	}

	@Test
	void anAsynchronousCallInFlightHasNoThread() {
		ActorHandle<Gate> gate = this.system.createActor(Gate.class, CreateOptions.uid("async")).join();
		CompletableFuture<String> pending = gate.method("awaitLater").send(this.later);
		await().atMost(Duration.ofSeconds(10)).until(() -> info("async").inFlight().size() == 1);
		CallInfo awaiting = info("async").inFlight().get(0);
		assertThat(awaiting.method()).isEqualTo("awaitLater");
		assertThat(awaiting.thread()).isNull();
		this.later.complete("done");
		assertThat(pending.join()).isEqualTo("done");
		await().atMost(Duration.ofSeconds(10)).until(() -> info("async").inFlight().isEmpty());
	}

	@Test
	void aStatelessActorShowsEveryConcurrentCall() {
		ActorHandle<Pure> pure = this.system.createActor(Pure.class, CreateOptions.uid("pure").placement(Placement.pool(1)))
			.join();
		CompletableFuture<String> first = pure.method("hold").send(this.release);
		CompletableFuture<String> second = pure.method("hold").send(this.release);
		await().atMost(Duration.ofSeconds(10)).until(() -> info("pure").inFlight().size() == 2);
		assertThat(info("pure").stateful()).isFalse();
		assertThat(info("pure").inFlight()).extracting(CallInfo::method).containsExactly("hold", "hold");
		this.release.countDown();
		assertThat(first.join()).isEqualTo("released");
		assertThat(second.join()).isEqualTo("released");
		assertThat(info("pure").calls()).isEqualTo(2);
	}

}
