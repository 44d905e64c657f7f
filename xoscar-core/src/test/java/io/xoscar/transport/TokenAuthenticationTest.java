package io.xoscar.transport;

import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.debug.LogCapture;
import io.xoscar.exception.PoolDownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Nodes with a token, over TCP and Unix sockets: with the same token they work as without one; with
 * different tokens, or a token on one side only, the connecting side fails with a message that says
 * which setting to change, and the accepting side logs and counts the refusal. Protected mode: a node
 * bound beyond loopback needs a token or an explicit allow-unauthenticated.
 */
class TokenAuthenticationTest {


	private static ActorSystemConfig.Builder node(String channel, String token) {
		return ActorSystemConfig.builder().mainPoolThreads(1).unixSockets(channel.equals("unix")).token(token);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "unix" })
	void nodesWithTheSameTokenWork(String channel) {
		try (ActorSystem server = ActorSystem.create(node(channel, "same-token").build());
				ActorSystem client = ActorSystem.create(node(channel, "same-token").build())) {
			ActorHandle<Echo> echo = client
				.createActor(Echo.class, CreateOptions.uid("echo").placement(Placement.address(server.address())))
				.join();
			assertThat(echo.method("echo").<String>call("hi")).isEqualTo("hi");
			assertThat(client.channelTo(server.address())).isEqualTo(channel);
			// and back: the server's own connection to the client authenticates too
			ActorHandle<Echo> back = server
				.createActor(Echo.class, CreateOptions.uid("back").placement(Placement.address(client.address())))
				.join();
			assertThat(back.method("echo").<String>call("ho")).isEqualTo("ho");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "unix" })
	void nodesWithDifferentTokensFailClearlyOnBothSides(String channel) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (LogCapture log = new LogCapture("io.xoscar.internal.transport.Rejections");
				ActorSystem server = ActorSystem.create(node(channel, "one-token").meterRegistry(meters).build());
				ActorSystem client = ActorSystem.create(node(channel, "another-token").build())) {
			assertThatThrownBy(() -> client.createActor(Echo.class, CreateOptions.uid("echo")
				.placement(Placement.address(server.address()))).join()).isInstanceOf(CompletionException.class)
				.cause()
				.isInstanceOf(PoolDownException.class)
				.hasMessage("cannot connect to actor pool at " + server.address() + ": the node at " + server.address()
						+ " refused this node's token: set the same xoscar.security.token "
						+ "(ActorSystemConfig.builder().token(..)) on both");
			await().untilAsserted(() -> assertThat(meters.get("xoscar.transport.rejected").tag("reason", "bad-proof")
				.counter()
				.count()).isEqualTo(1));
			assertThat(log.warnings()).singleElement()
				.satisfies((line) -> assertThat(line).contains("(bad-proof): its proof does not match this node's token"));
			assertThat(server.actors().join()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "unix" })
	void aNodeWithATokenRefusesToTalkToANodeWithout(String channel) {
		try (ActorSystem server = ActorSystem.create(node(channel, null).build());
				ActorSystem client = ActorSystem.create(node(channel, "a-token").build())) {
			assertThatThrownBy(() -> client.actorRef(server.address(), "anyone").join()).cause()
				.isInstanceOf(PoolDownException.class)
				.hasMessage("cannot connect to actor pool at " + server.address() + ": the node at " + server.address()
						+ " does not authenticate connections; this node has a token: set the same "
						+ "xoscar.security.token (ActorSystemConfig.builder().token(..)) on both");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "unix" })
	void aNodeWithoutATokenIsToldThatThePeerRequiresOne(String channel) {
		try (ActorSystem server = ActorSystem.create(node(channel, "a-token").build());
				ActorSystem client = ActorSystem.create(node(channel, null).build())) {
			assertThatThrownBy(() -> client.actorRef(server.address(), "anyone").join()).cause()
				.isInstanceOf(PoolDownException.class)
				.hasMessage("cannot connect to actor pool at " + server.address() + ": the node at " + server.address()
						+ " requires a token and this node has none: set the same xoscar.security.token "
						+ "(ActorSystemConfig.builder().token(..)) on both");
			assertThat(server.actors().join()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0:0", "[::]:0" })
	void protectedModeRefusesANonLoopbackBindWithoutAToken(String address) {
		String host = address.substring(0, address.lastIndexOf(':'));
		assertThatIllegalStateException()
			.isThrownBy(() -> ActorSystem.create(ActorSystemConfig.builder().address(address).mainPoolThreads(1).build()))
			.withMessageContaining("Refusing to start a node at " + address)
			.withMessageContaining("non-loopback address " + host)
			.withMessageContaining("xoscar.security.token")
			.withMessageContaining("token(..)")
			.withMessageContaining("xoscar.security.allow-unauthenticated=true");
		try (ActorSystem withToken = ActorSystem
			.create(ActorSystemConfig.builder().address(address).mainPoolThreads(1).token("a-token").build())) {
			assertThat(withToken.address()).doesNotEndWith(":0");
		}
		try (ActorSystem allowed = ActorSystem.create(
				ActorSystemConfig.builder().address(address).mainPoolThreads(1).allowUnauthenticated(true).build())) {
			assertThat(allowed.address()).doesNotEndWith(":0");
		}
	}

	@Test
	void loopbackNeedsNoToken() {
		try (ActorSystem node = ActorSystem
			.create(ActorSystemConfig.builder().address("localhost:0").mainPoolThreads(1).build())) {
			assertThat(node.address()).startsWith("localhost:");
		}
	}

	/** Answers what it is given. */
	public static class Echo extends Actor {

		public String echo(String text) {
			return text;
		}

	}

}
