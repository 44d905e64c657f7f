package io.xoscar.transport;

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
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Exceptions whose constructors build their own message arrive with exactly the message they had,
 * as their own class, after one hop (this JVM to another node) and two (this JVM to an actor of a
 * process pool that calls an actor on another node), instead of with the constructor's text added
 * again at every hop.
 */
class RemoteExceptionMessageTest {

	private static ActorSystem system;

	private static ChildJvm remoteNode;

	private static ActorHandle<Thrower> thrower;

	private static ActorHandle<Relay> relay;

	@BeforeAll
	static void start() {
		remoteNode = ChildJvm.start(ChildJvmSpec.of("messages-node", RemoteNodeMain.class.getName()).withJvmArgs("-Xmx128m"));
		system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.pool(PoolConfig.process("relay").threads(2))
			.build());
		thrower = system
			.createActor(Thrower.class, CreateOptions.uid("thrower").placement(Placement.address(remoteNode.readyPayload())))
			.join();
		relay = system.createActor(Relay.class, CreateOptions.uid("relay").placement(Placement.pool(1))).join();
	}

	@AfterAll
	static void stop() {
		system.close();
		remoteNode.close();
	}

	/** Its message is built from its argument, which it also keeps. */
	public static class QuotaException extends RuntimeException {

		private final String detail;

		public QuotaException(String detail) {
			super("quota: " + detail);
			this.detail = detail;
		}

		public String detail() {
			return this.detail;
		}

	}

	/** No constructor takes a message. */
	public static class CodedException extends IllegalStateException {

		public CodedException(int code) {
			super("code " + code + " refused");
		}

	}

	/** Its message cannot be turned back into its argument. */
	public static class CountedException extends RuntimeException {

		public CountedException(String text) {
			super(text + " (" + text.length() + " characters)");
		}

	}

	public static class Thrower extends Actor {

		public String fail(String kind) {
			switch (kind) {
				case "quota" -> throw new QuotaException("limit 5");
				case "coded" -> throw new CodedException(7);
				case "counted" -> throw new CountedException("too long");
				default -> throw new IllegalArgumentException("plain " + kind);
			}
		}

	}

	/** In the process pool: passes the call on to the thrower on the other node. */
	public static class Relay extends Actor {

		public String relay(ActorHandle<Thrower> to, String kind) {
			return to.method("fail").call(kind);
		}

	}

	private static Throwable oneHop(String kind) {
		return catchThrowable(() -> thrower.method("fail").call(kind));
	}

	private static Throwable twoHops(String kind) {
		return catchThrowable(() -> relay.method("relay").call(thrower, kind));
	}

	@Test
	void aMessageBuiltByTheConstructorArrivesUnchangedWithTheConstructorsFields() {
		for (Throwable error : new Throwable[] { oneHop("quota"), twoHops("quota") }) {
			assertThat(error).isExactlyInstanceOf(QuotaException.class).hasMessage("quota: limit 5");
			assertThat(((QuotaException) error).detail()).isEqualTo("limit 5");
		}
	}

	@Test
	void anExceptionWithoutAMessageConstructorArrivesAsItselfWithItsMessage() {
		assertThat(oneHop("coded")).isExactlyInstanceOf(CodedException.class).hasMessage("code 7 refused");
		assertThat(twoHops("coded")).isExactlyInstanceOf(CodedException.class).hasMessage("code 7 refused");
	}

	@Test
	void aMessageTheConstructorCannotRebuildArrivesUnchanged() {
		assertThat(oneHop("counted")).isExactlyInstanceOf(CountedException.class)
			.hasMessage("too long (8 characters)");
		assertThat(twoHops("counted")).isExactlyInstanceOf(CountedException.class)
			.hasMessage("too long (8 characters)");
	}

	@Test
	void plainExceptionsStillArriveAsBefore() {
		assertThat(oneHop("x")).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("plain x");
		assertThat(twoHops("x")).isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("plain x")
			.satisfies((error) -> assertThat(error.getSuppressed()).extracting(Throwable::getMessage)
				.anySatisfy((context) -> assertThat(context).contains("'thrower'", "fail"))
				.anySatisfy((context) -> assertThat(context).contains("'relay'", "relay")));
	}

}
