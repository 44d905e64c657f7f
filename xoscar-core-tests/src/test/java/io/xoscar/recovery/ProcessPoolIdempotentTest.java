package io.xoscar.recovery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Idempotent;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.RESTART;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitInFlight;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitRestarted;
import static io.xoscar.recovery.ProcessPoolCrashes.failureWithin;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static io.xoscar.recovery.ProcessPoolCrashes.pool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call in flight when its process pool crashes is sent once more to the re-created actor when
 * its method is marked safe to repeat ({@link Idempotent} on the actor's method or on a typed
 * proxy's, or {@code method(..).idempotent()} for one call site), and fails with
 * {@link PoolDownException} when it is not.
 */
class ProcessPoolIdempotentTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx64m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(40))
			.processRestartLimits(RestartLimits.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))
			.restartWait(Duration.ofSeconds(30)))
		.build();

	private static final ActorSystem system = xoscar.system();

	private static final int GPU = 1;

	/** Never answers in the process given; answers at once in any other. */
	public static class Holder extends Actor {

		@Idempotent
		public CompletableFuture<String> safe(long blockIn) {
			return answerOutside(blockIn);
		}

		public CompletableFuture<String> unsafe(long blockIn) {
			return answerOutside(blockIn);
		}

		private static CompletableFuture<String> answerOutside(long blockIn) {
			long pid = ProcessHandle.current().pid();
			return (pid == blockIn) ? new CompletableFuture<>() : CompletableFuture.completedFuture("answered by " + pid);
		}

	}

	/** A proxy marking the actor's plain method safe to repeat for the calls made through it. */
	public interface SafeHolder {

		@Idempotent
		CompletableFuture<String> unsafe(long blockIn);

	}

	private static ActorHandle<Holder> holder(String uid) {
		return system.createActor(Holder.class, CreateOptions.uid(uid).placement(Placement.pool(GPU))).join();
	}

	@Test
	void aCallInFlightIsSentAgainToTheRecreatedActorOnlyWhenItsMethodIsSafeToRepeat() throws Exception {
		long pid = pool(system, GPU).pid();
		CompletableFuture<String> annotated = holder("annotated").method("safe").send(pid);
		CompletableFuture<String> plain = holder("plain").method("unsafe").send(pid);
		CompletableFuture<String> perCall = holder("per-call").method("unsafe").idempotent().send(pid);
		CompletableFuture<String> proxied = holder("proxied").as(SafeHolder.class).unsafe(pid);
		awaitInFlight(system, "annotated", "safe");
		awaitInFlight(system, "plain", "unsafe");
		awaitInFlight(system, "per-call", "unsafe");
		awaitInFlight(system, "proxied", "unsafe");

		kill(pid);
		Throwable failure = failureWithin(plain, Duration.ofSeconds(5));
		assertThat(failure).isInstanceOf(PoolDownException.class);
		assertThat(((PoolDownException) failure).restarting()).as("restarting()").isTrue();

		PoolInfo back = awaitRestarted(system, GPU, pid);
		String answer = "answered by " + back.pid();
		assertThat(annotated.get(RESTART.toSeconds(), TimeUnit.SECONDS)).as("@Idempotent method").isEqualTo(answer);
		assertThat(perCall.get(RESTART.toSeconds(), TimeUnit.SECONDS)).as("method(..).idempotent()").isEqualTo(answer);
		assertThat(proxied.get(RESTART.toSeconds(), TimeUnit.SECONDS)).as("@Idempotent on the proxy").isEqualTo(answer);
	}

}
