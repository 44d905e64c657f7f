package io.xoscar;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.XoscarException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An exception whose {@code getMessage()} (and so {@code toString()}) throws, raised by an actor in
 * this JVM: it would break every future it passes through, so its caller gets, at once, an exception
 * saying so (with its stack), and the actor goes on serving calls.
 */
class HostileExceptionInJvmTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("sub"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(20)))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Hostile extends RuntimeException {

		@Override
		public String getMessage() {
			throw new IllegalStateException("no message for you");
		}

	}

	public static class Thrower extends Actor {

		public int fail() {
			throw new Hostile();
		}

		public CompletableFuture<Integer> failLater() {
			return CompletableFuture.failedFuture(new Hostile());
		}

		public int ok() {
			return 1;
		}

	}

	@Test
	void aCallerGetsAnExceptionWhoseMessageThrowsAtOnce() throws Exception {
		ActorHandle<Thrower> thrower = this.system.createActor(Thrower.class, CreateOptions.at(Placement.pool(1))).join();
		assertThatThrownBy(() -> thrower.method("fail").call()).isExactlyInstanceOf(XoscarException.class)
			.hasMessageStartingWith(Hostile.class.getName() + " raised by actor '")
			.hasMessageContaining("cannot be described: its getMessage() or toString() threw java.lang.IllegalStateException")
			.satisfies((error) -> assertThat(error.getStackTrace()[0].getMethodName()).isEqualTo("fail"));
		CompletableFuture<Integer> sent = thrower.method("fail").send();
		assertThat(sent.handle((value, error) -> error).get(5, TimeUnit.SECONDS)).isNotNull();
		CompletableFuture<Integer> later = thrower.method("failLater").send();
		assertThat(later.handle((value, error) -> error).get(5, TimeUnit.SECONDS)).isNotNull();
		thrower.method("fail").tell();
		assertThat(thrower.method("ok").<Integer>send().get(5, TimeUnit.SECONDS)).isEqualTo(1);
	}

}
