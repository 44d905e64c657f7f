package io.xoscar.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.TlsConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code xoscar.security.tls.*}: the node's TLS from a Spring Boot SSL bundle (PEM or JKS), with
 * client authentication and hostname verification; a bundle that does not exist fails startup
 * saying which; a reloaded bundle's certificate is what new connections get.
 */
class TlsBundleTests {

	private static final X509Bundle AUTHORITY = certificate("CN=xoscar spring authority", null);

	private final AtomicReference<Environment> environment = new AtomicReference<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> this.environment.set(context.getEnvironment()))
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, XoscarAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.transport.unix-sockets=false");

	@TempDir
	Path dir;

	/** Answers with what it got, marked. */
	public static class Echo extends Actor {

		public String echo(String text) {
			return "echoed " + text;
		}

	}

	@Test
	void withoutABundleTheNodeIsPlaintext() {
		this.runner.run((context) -> assertThat(context.getBean(ActorSystemConfig.class).tls()).isNull());
	}

	@Test
	void aPemBundleEncryptsTheNodesTcpConnections() throws IOException {
		writePem("node", "CN=node");
		this.runner.withPropertyValues(pemBundle("xoscar"))
			.withPropertyValues("xoscar.security.tls.bundle=xoscar", "xoscar.security.tls.client-auth=need",
					"xoscar.security.tls.verify-hostname=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TlsConfig tls = context.getBean(ActorSystemConfig.class).tls();
				assertThat(tls).isNotNull();
				assertThat(tls.clientAuth()).isEqualTo(TlsConfig.ClientAuth.NEED);
				assertThat(tls.verifyHostname()).isFalse();
				ActorSystem served = context.getBean(ActorSystem.class);
				served.createActor(Echo.class, CreateOptions.uid("echo")).join();
				try (ActorSystem caller = ActorSystem.create(ActorSystemConfig.builder()
					.mainPoolThreads(1)
					.unixSockets(false)
					.tls(tls)
					.build())) {
					assertThat(caller.actorRef(served.address(), "echo").join().method("echo").<String>call("hi"))
						.isEqualTo("echoed hi");
					assertThat(caller.channelTo(served.address())).isEqualTo("tcp");
				}
			});
	}

	@Test
	void aJksBundleWorksToo() throws Exception {
		X509Bundle node = certificate("CN=jks node", AUTHORITY);
		Path keyStore = this.dir.resolve("node.p12");
		Path trustStore = this.dir.resolve("trust.p12");
		try (var out = Files.newOutputStream(keyStore)) {
			node.toKeyStore("secret".toCharArray()).store(out, "secret".toCharArray());
		}
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("authority", AUTHORITY.getCertificate());
		try (var out = Files.newOutputStream(trustStore)) {
			trust.store(out, "secret".toCharArray());
		}
		this.runner
			.withPropertyValues("spring.ssl.bundle.jks.nodes.keystore.location=file:" + keyStore,
					"spring.ssl.bundle.jks.nodes.keystore.password=secret",
					"spring.ssl.bundle.jks.nodes.keystore.type=PKCS12",
					"spring.ssl.bundle.jks.nodes.truststore.location=file:" + trustStore,
					"spring.ssl.bundle.jks.nodes.truststore.password=secret",
					"spring.ssl.bundle.jks.nodes.truststore.type=PKCS12",
					"spring.ssl.bundle.jks.nodes.options.enabled-protocols=TLSv1.3",
					"xoscar.security.tls.bundle=nodes")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ActorSystemConfig.class).tls().protocols()).containsExactly("TLSv1.3");
				assertThat(presented(context.getBean(ActorSystem.class).address())).isEqualTo("CN=jks node");
			});
	}

	@Test
	void aBundleThatDoesNotExistFailsStartupSayingWhich() {
		this.runner.withPropertyValues("xoscar.security.tls.bundle=missing").run((context) -> {
			assertThat(context).hasFailed();
			InvalidXoscarPropertyException cause = cause(context.getStartupFailure());
			assertThat(cause.getName()).isEqualTo("xoscar.security.tls.bundle");
			assertThat(cause).hasMessageContaining("there is no SSL bundle named 'missing'");
			FailureAnalysis analysis = new InvalidXoscarPropertyFailureAnalyzer(this.environment.get())
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("xoscar.security.tls.bundle");
			assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.missing");
		});
	}

	@Test
	void aReloadedBundleIsWhatNewConnectionsGet() throws IOException {
		writePem("node", "CN=before");
		this.runner.withPropertyValues(pemBundle("xoscar"))
			.withPropertyValues("spring.ssl.bundle.pem.xoscar.reload-on-update=true",
					"spring.ssl.bundle.watch.file.quiet-period=100ms", "xoscar.security.tls.bundle=xoscar")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String address = context.getBean(ActorSystem.class).address();
				assertThat(presented(address)).isEqualTo("CN=before");
				writePem("node", "CN=after");
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(presented(address))
					.isEqualTo("CN=after"));
			});
	}

	private String[] pemBundle(String name) {
		String prefix = "spring.ssl.bundle.pem." + name + ".";
		return new String[] { prefix + "keystore.certificate=file:" + this.dir.resolve("node.crt"),
				prefix + "keystore.private-key=file:" + this.dir.resolve("node.key"),
				prefix + "truststore.certificate=file:" + this.dir.resolve("authority.crt") };
	}

	private void writePem(String name, String subject) throws IOException {
		X509Bundle node = certificate(subject, AUTHORITY);
		Files.writeString(this.dir.resolve(name + ".crt"), node.getCertificatePathPEM(), StandardCharsets.US_ASCII);
		Files.writeString(this.dir.resolve(name + ".key"), node.getPrivateKeyPEM(), StandardCharsets.US_ASCII);
		Files.writeString(this.dir.resolve("authority.crt"), AUTHORITY.getCertificatePEM(), StandardCharsets.US_ASCII);
	}

	/** @return the subject of the certificate a new TLS connection to the node gets */
	private static String presented(String address) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("authority", AUTHORITY.getCertificate());
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		String[] hostAndPort = address.split(":");
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(hostAndPort[0], Integer.parseInt(hostAndPort[1]))) {
			socket.setSoTimeout(10_000);
			socket.startHandshake();
			return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
		}
	}

	private static X509Bundle certificate(String subject, X509Bundle issuer) {
		Instant now = Instant.now();
		CertificateBuilder builder = new CertificateBuilder().ecp256()
			.subject(subject)
			.notBefore(now.minus(1, ChronoUnit.HOURS))
			.notAfter(now.plus(1, ChronoUnit.DAYS));
		try {
			return (issuer == null) ? builder.setIsCertificateAuthority(true).buildSelfSigned()
					: builder.addSanIpAddress("127.0.0.1").buildIssuedBy(issuer);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InvalidXoscarPropertyException cause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidXoscarPropertyException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("no InvalidXoscarPropertyException in " + failure, failure);
	}

}
