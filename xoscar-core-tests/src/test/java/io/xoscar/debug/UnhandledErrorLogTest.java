package io.xoscar.debug;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Behaviour 28: an error nobody receives (thrown by a tell, or after its caller gave up) is logged
 * once, naming actor and method; errors that reach a caller are not logged on the way.
 */
class UnhandledErrorLogTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub").count(2))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Failing extends Actor {

		public String boom() {
			throw new IllegalStateException("boom");
		}

		public String relay(ActorHandle<Failing> other) {
			return other.method("boom").call();
		}

		/** Ignores interruption, then fails: after a timeout, nobody is left to receive the error. */
		public String failLate(long millis) {
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			throw new IllegalStateException("too late");
		}

	}

	private ActorHandle<Failing> actor(String uid, int pool) {
		return this.system.createActor(Failing.class, CreateOptions.uid(uid).placement(Placement.pool(pool))).join();
	}

	@Test
	void anErrorThrownByATellIsLoggedOnceByTheActorThatLetItThrough() {
		ActorHandle<Failing> first = actor("first", 1);
		ActorHandle<Failing> second = actor("second", 2);
		try (LogCapture log = new LogCapture("io.xoscar")) {
			first.method("relay").tell(second);
			await().atMost(Duration.ofSeconds(5)).until(() -> !log.warnings().isEmpty());
			// a later call to the same actor completes after the tell: nothing else can be logged for it
			assertThat(first.method("relay").<String>send(second).handle((value, error) -> "done").join()).isEqualTo("done");
			assertThat(log.warnings()).filteredOn((line) -> line.contains("Unhandled error"))
				.containsExactly("Unhandled error in actor 'first' (Failing) method relay at " + first.address() + " (a tell)");
		}
	}

	@Test
	void anErrorAfterTheCallerGaveUpIsLogged() {
		ActorHandle<Failing> late = actor("late", 1);
		try (LogCapture log = new LogCapture("io.xoscar")) {
			CompletableFuture<String> call = late.method("failLate").withTimeout(Duration.ofMillis(100)).send(600L);
			assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> log.warnings().contains("Unhandled error in actor 'late' (Failing) method failLate at "
						+ late.address() + " (its caller had given up)"));
		}
	}

}
