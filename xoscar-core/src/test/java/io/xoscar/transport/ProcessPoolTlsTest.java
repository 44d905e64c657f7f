package io.xoscar.transport;

import java.time.Duration;
import java.util.UUID;

import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.TlsConfig;
import io.xoscar.exception.PoolDownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node with mutual TLS, a token and a process pool: the child gets the TLS material privately,
 * serves and dials TLS with it (its parent reaches it over TCP, Unix sockets off), and another node
 * reaches the child's pool straight over TCP with TLS; a plaintext node cannot.
 */
class ProcessPoolTlsTest {

	private static final X509Bundle AUTHORITY = TestCertificates.authority("xoscar pool authority");

	private static TlsConfig tls(String name) {
		return TestCertificates.tls(TestCertificates.node(AUTHORITY, name, "127.0.0.1"), AUTHORITY)
			.withClientAuth(TlsConfig.ClientAuth.NEED);
	}

	private static ActorSystemConfig.Builder node(String name, String token) {
		return ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.unixSockets(false)
			.connectTimeout(Duration.ofSeconds(5))
			.token(token)
			.tls(tls(name));
	}

	@Test
	void aTlsProcessPoolIsReachedOverTcpFromAnotherNode() {
		String token = "token-" + UUID.randomUUID();
		try (ActorSystem parent = ActorSystem.create(node("parent", token)
			.pool(PoolConfig.process("worker").threads(1).jvmArgs("-Xmx64m"))
			.build()); ActorSystem other = ActorSystem.create(node("other", token).build())) {
			String poolAddress = parent.pools().get(1).address();
			ActorHandle<Relay> relay = parent
				.createActor(Relay.class, CreateOptions.uid("relay").placement(Placement.address(poolAddress)))
				.join();
			long childPid = relay.method("pid").<Long>call();
			assertThat(childPid).isNotEqualTo(ProcessHandle.current().pid());
			assertThat(parent.channelTo(poolAddress)).isEqualTo("tcp");
			ActorHandle<Relay> local = parent.createActor(Relay.class, CreateOptions.uid("local")).join();
			// the child dials its parent with TLS too
			assertThat(relay.method("pidOf").<Long>call(local)).isEqualTo(ProcessHandle.current().pid());

			ActorHandle<Relay> fromOther = other.actorRef(poolAddress, "relay", Relay.class).join();
			assertThat(fromOther.method("pid").<Long>call()).isEqualTo(childPid);
			assertThat(other.channelTo(poolAddress)).isEqualTo("tcp");

			try (ActorSystem plain = ActorSystem.create(ActorSystemConfig.builder()
				.mainPoolThreads(1)
				.unixSockets(false)
				.token(token)
				.build())) {
				assertThatThrownBy(() -> plain.actorRef(poolAddress, "relay", Relay.class).join())
					.cause()
					.isInstanceOf(PoolDownException.class)
					.hasMessageContaining("cannot connect to actor pool at " + poolAddress.split("/")[0]);
			}
			assertThat(fromOther.method("pid").<Long>call()).isEqualTo(childPid);
		}
	}

	@Test
	void aChildStartedAfterTheMaterialWasReplacedGetsTheNewMaterial() {
		X509Bundle renewed = TestCertificates.authority("renewed pool authority");
		try (ActorSystem parent = ActorSystem.create(node("parent", "token-" + UUID.randomUUID()).build())) {
			// from now on the parent trusts only the renewed authority: a child with the old material is refused
			parent.replaceTls(TestCertificates.tls(TestCertificates.node(renewed, "parent", "127.0.0.1"), renewed)
				.withClientAuth(TlsConfig.ClientAuth.NEED));
			String poolAddress = parent.addPools(PoolConfig.process("later").threads(1).jvmArgs("-Xmx64m"))
				.join()
				.get(0)
				.address();
			ActorHandle<Relay> relay = parent
				.createActor(Relay.class, CreateOptions.uid("renewed").placement(Placement.address(poolAddress)))
				.join();
			assertThat(relay.method("pid").<Long>call()).isNotEqualTo(ProcessHandle.current().pid());
		}
	}

	/** Tells which process it runs in, and which process another actor runs in. */
	public static class Relay extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

		public long pidOf(ActorHandle<Relay> other) {
			return other.method("pid").<Long>call();
		}

	}

}
