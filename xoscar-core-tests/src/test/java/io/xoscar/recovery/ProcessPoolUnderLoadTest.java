package io.xoscar.recovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.RESTART;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitRestarted;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static io.xoscar.recovery.ProcessPoolCrashes.unwrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under about a thousand calls a second from several threads, a kill of the pool's child loses no
 * call: each ends, with its answer or with {@link PoolDownException}, none hangs, and the calls
 * made after the pool is back all succeed.
 */
class ProcessPoolUnderLoadTest {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);

	private static final int SENDERS = 4;

	/** Each sender's period: four senders every 4 ms make 1000 calls a second. */
	private static final long PERIOD_MICROS = 4_000;

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx128m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30))
			.processRestartLimits(RestartLimits.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))
			.restartWait(Duration.ofSeconds(30)))
		.build();

	private static final ActorSystem system = xoscar.system();

	public static class Echo extends Actor {

		public int echo(int value) {
			return value;
		}

	}

	/** One call: when it was sent and how it ends. */
	private record Sent(long nanos, CompletableFuture<Integer> answer) {
	}

	@Test
	void everyCallEndsAcrossAKillAndCallsAfterTheRestartSucceed() throws Exception {
		ActorHandle<Echo> echo = system.createActor(Echo.class, CreateOptions.uid("echo").placement(Placement.pool(1)))
			.join();
		ActorMethod method = echo.method("echo").withTimeout(CALL_TIMEOUT);
		Queue<Sent> sent = new ConcurrentLinkedQueue<>();
		AtomicInteger succeeded = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ScheduledExecutorService senders = Executors.newScheduledThreadPool(SENDERS);
		long restarted;
		try {
			for (int i = 0; i < SENDERS; i++) {
				senders.scheduleAtFixedRate(() -> {
					long at = System.nanoTime();
					CompletableFuture<Integer> answer;
					try {
						answer = method.send(next.getAndIncrement());
					}
					catch (RuntimeException ex) {
						// a send that throws instead of failing its future: counted as a failure
						answer = CompletableFuture.failedFuture(ex);
					}
					answer.thenRun(succeeded::incrementAndGet);
					sent.add(new Sent(at, answer));
				}, 0, PERIOD_MICROS, TimeUnit.MICROSECONDS);
			}
			await().atMost(RESTART).until(() -> succeeded.get() >= 1_000);

			long pid = kill(system, 1);
			awaitRestarted(system, 1, pid);
			long backAt = System.nanoTime();
			restarted = backAt;
			// a second and more of calls made after the restart answered
			await().atMost(RESTART)
				.until(() -> sent.stream()
					.filter((call) -> call.nanos() > backAt && call.answer().isDone()
							&& !call.answer().isCompletedExceptionally())
					.count() >= 1_000);
		}
		finally {
			senders.shutdownNow();
			assertThat(senders.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		}

		// none hangs: all end within the call timeout (and a margin) once the senders stopped
		List<CompletableFuture<Object>> ends = sent.stream()
			.map((call) -> call.answer().handle((value, failure) -> (Object) null))
			.toList();
		CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
			.get(CALL_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);

		// at least the 1 000 answered before the kill and the 1 000 sent after the restart (how many
		// were sent while the pool was down depends on how fast it came back)
		assertThat(sent.size()).as("calls sent").isGreaterThanOrEqualTo(2_000);
		Map<String, Long> failures = sent.stream()
			.filter((call) -> call.answer().isCompletedExceptionally())
			.map((call) -> unwrap(call.answer().handle((value, failure) -> failure).join()))
			.collect(Collectors.groupingBy((failure) -> failure.getClass().getSimpleName() + ": " + failure.getMessage(),
					TreeMap::new, Collectors.counting()));
		assertThat(failures.keySet()).as("failures (success or PoolDownException only)")
			.allMatch((failure) -> failure.startsWith(PoolDownException.class.getSimpleName() + ":"));
		List<Sent> afterRestart = sent.stream().filter((call) -> call.nanos() > restarted).toList();
		assertThat(afterRestart.size()).as("calls sent after the restart").isGreaterThan(1_000);
		assertThat(afterRestart.stream().filter((call) -> call.answer().isCompletedExceptionally()).count())
			.as("calls sent after the restart that failed").isZero();
	}

}
