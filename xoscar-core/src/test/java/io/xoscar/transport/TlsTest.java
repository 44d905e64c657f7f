package io.xoscar.transport;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.TlsConfig;
import io.xoscar.exception.PoolDownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nodes whose TCP connections use TLS (Unix sockets off, so that same-host nodes use TCP): they
 * call each other; a plaintext peer, an untrusted certificate, a refused client certificate and a
 * certificate for another host fail with messages that say so, and the TLS node keeps serving;
 * what crosses the wire shows neither the payload nor the token; replaced material is used by new
 * connections.
 */
class TlsTest {

	private static final X509Bundle AUTHORITY = TestCertificates.authority("xoscar test authority");

	private static final X509Bundle STRANGER_AUTHORITY = TestCertificates.authority("stranger authority");

	private final List<ActorSystem> systems = new ArrayList<>();

	/** Answers with what it got, marked. */
	public static class Echo extends Actor {

		public String echo(String text) {
			return "echoed " + text;
		}

	}

	@AfterEach
	void close() {
		this.systems.forEach(ActorSystem::close);
	}

	private ActorSystem node(TlsConfig tls) {
		return node(ActorSystemConfig.builder().tls(tls));
	}

	private ActorSystem node(ActorSystemConfig.Builder config) {
		ActorSystem system = ActorSystem.create(config.unixSockets(false).mainPoolThreads(2)
			.connectTimeout(Duration.ofSeconds(5))
			.build());
		this.systems.add(system);
		return system;
	}

	private static TlsConfig tls(String name) {
		return TestCertificates.tls(TestCertificates.node(AUTHORITY, name, "127.0.0.1", "localhost"), AUTHORITY);
	}

	private static ActorHandle<Echo> echoAt(ActorSystem caller, String address, String uid) {
		return caller.createActor(Echo.class, CreateOptions.uid(uid).placement(Placement.address(address))).join();
	}

	@Test
	void twoTlsNodesCallEachOtherOverTcp() {
		ActorSystem first = node(tls("first"));
		ActorSystem second = node(TestCertificates.pem(TestCertificates.node(AUTHORITY, "second", "127.0.0.1"),
				AUTHORITY));
		assertThat(echoAt(first, second.address(), "at-second").method("echo").<String>call("there"))
			.isEqualTo("echoed there");
		assertThat(echoAt(second, first.address(), "at-first").method("echo").<String>call("back"))
			.isEqualTo("echoed back");
		assertThat(first.channelTo(second.address())).isEqualTo("tcp");
		assertThat(second.channelTo(first.address())).isEqualTo("tcp");
	}

	@Test
	void mutualTlsNodesCallEachOther() {
		ActorSystem first = node(tls("first").withClientAuth(TlsConfig.ClientAuth.NEED));
		ActorSystem second = node(tls("second").withClientAuth(TlsConfig.ClientAuth.NEED));
		assertThat(echoAt(first, second.address(), "mutual").method("echo").<String>call("hi")).isEqualTo("echoed hi");
	}

	@Test
	void plaintextPeerToTlsNodeFailsAndTheNodeKeepsServing() {
		ActorSystem secured = node(tls("secured"));
		ActorSystem plain = node(ActorSystemConfig.builder());
		assertThatThrownBy(() -> echoAt(plain, secured.address(), "plain-to-tls"))
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("cannot connect to actor pool at " + secured.address());
		assertThatThrownBy(() -> echoAt(secured, plain.address(), "tls-to-plain"))
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("the node at " + plain.address() + " does not speak TLS");
		ActorSystem peer = node(tls("peer"));
		assertThat(echoAt(peer, secured.address(), "still-served").method("echo").<String>call("ok")).isEqualTo("echoed ok");
	}

	@Test
	void untrustedCertificateFails() {
		ActorSystem secured = node(tls("secured"));
		ActorSystem stranger = node(TestCertificates.tls(
				TestCertificates.node(STRANGER_AUTHORITY, "stranger", "127.0.0.1"), STRANGER_AUTHORITY));
		assertThatThrownBy(() -> echoAt(stranger, secured.address(), "untrusted"))
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("the certificate of the node at " + secured.address() + " is not trusted: ");
	}

	@Test
	void mutualTlsRefusesAPeerItDoesNotTrust() {
		ActorSystem secured = node(tls("secured").withClientAuth(TlsConfig.ClientAuth.NEED));
		// trusts the secured node, but the secured node does not trust its certificate
		ActorSystem stranger = node(TestCertificates.tls(
				TestCertificates.node(STRANGER_AUTHORITY, "stranger", "127.0.0.1"), AUTHORITY));
		assertThatThrownBy(() -> echoAt(stranger, secured.address(), "refused"))
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("the node at " + secured.address()
					+ " refused this node in the TLS handshake (mutual TLS: it requires a client certificate it trusts)");
		ActorSystem peer = node(tls("peer"));
		assertThat(echoAt(peer, secured.address(), "still-served").method("echo").<String>call("ok")).isEqualTo("echoed ok");
	}

	@Test
	void mutualTlsWithoutAClientCertificateFails() throws Exception {
		ActorSystem secured = node(tls("secured").withClientAuth(TlsConfig.ClientAuth.NEED));
		try (SSLSocket socket = clientSocket(secured.address())) {
			assertThatThrownBy(() -> {
				socket.startHandshake();
				// TLS 1.3: the server judges the client's (empty) certificate after the client's handshake
				socket.getInputStream().read();
			}).isInstanceOf(javax.net.ssl.SSLException.class);
		}
		ActorSystem peer = node(tls("peer"));
		assertThat(echoAt(peer, secured.address(), "still-served").method("echo").<String>call("ok")).isEqualTo("echoed ok");
	}

	@Test
	void certificateForAnotherHostFailsWhenHostnamesAreVerified() {
		ActorSystem elsewhere = node(TestCertificates.tls(
				TestCertificates.node(AUTHORITY, "elsewhere", "elsewhere.example", "10.1.2.3"), AUTHORITY));
		ActorSystem verifying = node(tls("verifying"));
		assertThatThrownBy(() -> echoAt(verifying, elsewhere.address(), "mismatch"))
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("the certificate of the node at " + elsewhere.address()
					+ " does not name the host dialed (hostname verification is on)");
		ActorSystem lenient = node(tls("lenient").withVerifyHostname(false));
		assertThat(echoAt(lenient, elsewhere.address(), "lenient").method("echo").<String>call("ok")).isEqualTo("echoed ok");
	}

	@Test
	void bytesBetweenTwoTlsNodesShowNeitherPayloadNorToken() throws Exception {
		String payload = "distinctive-payload-7d1f3a";
		String token = "distinctive-token-93be0c";
		byte[] recorded = throughProxy(tls("served"), tls("caller"), token, payload);
		assertThat(recorded.length).isGreaterThan(1000);
		String wire = new String(recorded, StandardCharsets.ISO_8859_1);
		assertThat(wire).doesNotContain(payload).doesNotContain("echoed").doesNotContain(token);
		// the same through the same proxy in plaintext: the proxy does see what crosses it
		assertThat(new String(throughProxy(null, null, token, payload), StandardCharsets.ISO_8859_1))
			.contains(payload);
	}

	private byte[] throughProxy(TlsConfig servedTls, TlsConfig callerTls, String token, String payload)
			throws Exception {
		try (RecordingProxy proxy = new RecordingProxy()) {
			int port = freePort();
			proxy.forwardTo(port);
			// peers are told the proxy's address, so every connection to the served node crosses it
			ActorSystem served = node(ActorSystemConfig.builder().tls(servedTls).token(token)
				.address("127.0.0.1:" + port)
				.advertisedAddress("127.0.0.1:" + proxy.port()));
			ActorSystem caller = node(ActorSystemConfig.builder().tls(callerTls).token(token));
			assertThat(echoAt(caller, served.address(), "proxied").method("echo").<String>call(payload))
				.isEqualTo("echoed " + payload);
			return proxy.recorded();
		}
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void replacedMaterialIsUsedByNewConnectionsAndOpenOnesKeepWorking() throws Exception {
		ActorSystem served = node(tls("before"));
		ActorSystem caller = node(tls("caller"));
		ActorHandle<Echo> echo = echoAt(caller, served.address(), "reloaded");
		assertThat(peerCertificate(served.address()).getSubjectX500Principal().getName()).isEqualTo("CN=before");
		served.replaceTls(tls("after"));
		assertThat(peerCertificate(served.address()).getSubjectX500Principal().getName()).isEqualTo("CN=after");
		assertThat(echo.method("echo").<String>call("still")).isEqualTo("echoed still");
		assertThat(echoAt(node(tls("late")), served.address(), "late").method("echo").<String>call("new"))
			.isEqualTo("echoed new");
	}

	private static X509Certificate peerCertificate(String address) throws Exception {
		try (SSLSocket socket = clientSocket(address)) {
			socket.startHandshake();
			return (X509Certificate) socket.getSession().getPeerCertificates()[0];
		}
	}

	/** A raw TLS client that trusts the authority and has no certificate of its own. */
	private static SSLSocket clientSocket(String address) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("authority", AUTHORITY.getCertificate());
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		String[] hostAndPort = address.split(":");
		SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
		socket.setSoTimeout(10_000);
		return socket;
	}

}
