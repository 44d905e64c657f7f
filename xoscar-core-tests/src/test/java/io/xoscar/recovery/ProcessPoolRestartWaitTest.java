package io.xoscar.recovery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.RESTART;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitRestarted;
import static io.xoscar.recovery.ProcessPoolCrashes.failureWithin;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static io.xoscar.recovery.ProcessPoolCrashes.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call made while its process pool restarts waits for it no longer than the node's restart wait
 * (here far shorter than a child JVM's start, and than the call timeout), then fails with
 * {@link PoolDownException} saying the pool restarts; the restart itself is not bound by it: an
 * actor slower to create than the restart wait comes back all the same.
 */
class ProcessPoolRestartWaitTest {

	private static final Duration RESTART_WAIT = Duration.ofMillis(300);

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").jvmArgs("-Xmx64m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30)).restartWait(RESTART_WAIT))
		.build();

	private static final ActorSystem system = xoscar.system();

	/** Takes a second to get ready (say, loading a model): longer than callers wait for a restart. */
	public static class Worker extends Actor {

		@Override
		protected void postCreate() throws InterruptedException {
			Thread.sleep(1_000);
		}

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@Test
	void aCallMadeWhileThePoolRestartsWaitsAtMostTheRestartWait() {
		ActorHandle<Worker> worker = system
			.createActor(Worker.class, CreateOptions.uid("worker").placement(Placement.pool(1)))
			.join();
		long pid = kill(system, 1);
		await().atMost(RESTART)
			.pollInterval(Duration.ofMillis(5))
			.until(() -> pool(system, 1).state() == PoolState.RESTARTING);

		long started = System.nanoTime();
		CompletableFuture<Long> during = worker.method("pid").send();
		Throwable failure = failureWithin(during, Duration.ofSeconds(10));
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertThat(failure).isInstanceOf(PoolDownException.class).hasMessageContaining("gpu");
		assertThat(((PoolDownException) failure).restarting()).as("restarting()").isTrue();
		assertThat(waited).as("waited for the restart").isGreaterThanOrEqualTo(RESTART_WAIT.minusMillis(50))
			.isLessThan(Duration.ofSeconds(5));
		// and once it is back with its actor, the same handle answers
		long back = awaitRestarted(system, 1, pid).pid();
		assertThat(worker.method("pid").<Long>call()).isEqualTo(back);
	}

}
