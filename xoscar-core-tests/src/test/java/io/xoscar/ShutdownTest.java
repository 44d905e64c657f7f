package io.xoscar;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A graceful shutdown keeps one deadline: calls may finish until it, those still running then fail
 * with {@link PoolDownException} saying the node is shutting down (never an InterruptedException),
 * and new calls from outside the node's actors are refused at once meanwhile.
 */
class ShutdownTest {

	public static class Worker extends Actor {

		public String sleep(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

		public String fast() {
			return "fast";
		}

		/** Waits, then calls another actor: a call made by the node's own actor while it drains. */
		public String callLater(ActorHandle<Worker> other, CountDownLatch go) throws InterruptedException {
			go.await(10, TimeUnit.SECONDS);
			return other.method("fast").call();
		}

	}

	/** Each test shuts its system down itself; the extension only closes it if the test did not get that far. */
	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("work").count(2))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30)))
		.build();

	private static ActorHandle<Worker> worker(ActorSystem system, int pool) {
		return system.createActor(Worker.class, CreateOptions.at(Placement.pool(pool))).join();
	}

	@Test
	void aShutdownKeepsOneDeadlineAndFailsWhatStillRunsWithAClearError() throws Exception {
		ActorSystem system = this.xoscar.system();
		ActorHandle<Worker> slow = worker(system, 1);
		CompletableFuture<String> running = slow.method("sleep").send(10_000L);
		CompletableFuture<String> queued = slow.method("fast").send();
		await().atMost(Duration.ofSeconds(5)).until(() -> system.actors().join().stream()
			.anyMatch((actor) -> !actor.inFlight().isEmpty()));
		long started = System.nanoTime();
		system.shutdown(Duration.ofSeconds(2));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
		assertThatThrownBy(() -> running.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isExactlyInstanceOf(PoolDownException.class)
			.hasMessageContaining("actor system at " + system.address() + " is shutting down")
			.hasMessageContaining("shutdown timeout (PT2S) has passed")
			.hasMessageContaining("method sleep")
			.hasMessageContaining("was still running");
		assertThatThrownBy(() -> queued.get(1, TimeUnit.SECONDS)).cause()
			.isExactlyInstanceOf(PoolDownException.class)
			.hasMessageContaining("is shutting down: the call was still queued");
	}

	@Test
	void newCallsFromOutsideAreRefusedWhileTheNodeDrainsButItsActorsStillCallEachOther() throws Exception {
		ActorSystem system = this.xoscar.system();
		ActorHandle<Worker> slow = worker(system, 1);
		ActorHandle<Worker> caller = worker(system, 2);
		ActorHandle<Worker> callee = worker(system, 2);
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<String> running = slow.method("sleep").send(1_000L);
		CompletableFuture<String> nested = caller.method("callLater").send(callee, go);
		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> system.shutdown(Duration.ofSeconds(10)));
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			try {
				callee.method("fast").call();
				return false;
			}
			catch (PoolDownException ex) {
				assertThat(ex).hasMessageContaining("is shutting down: new calls are refused")
					.hasMessageContaining("method fast");
				return true;
			}
		});
		assertThatThrownBy(() -> callee.method("fast").send().join()).cause()
			.isExactlyInstanceOf(PoolDownException.class)
			.hasMessageContaining("new calls are refused");
		go.countDown();
		assertThat(nested.get(5, TimeUnit.SECONDS)).isEqualTo("fast");
		assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("slept");
		shutdown.get(15, TimeUnit.SECONDS);
		assertThatThrownBy(() -> system.createActor(Worker.class).join()).cause()
			.isExactlyInstanceOf(PoolDownException.class);
	}

}
