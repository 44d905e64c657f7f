package io.xoscar.transport;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
 * Two nodes with mutual TLS, hostname verification and a token, as on two hosts: one in this JVM,
 * the other in a JVM in another network namespace with its own address (reached over a veth pair);
 * they call each other over TCP, and a node whose certificate comes from another authority cannot
 * reach the other host. Needs {@code ip netns} (root); skipped where no namespace can be made (the
 * same calls on loopback are in {@link TlsTest}).
 */
class TwoHostTlsTest {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private static final X509Bundle AUTHORITY = TestCertificates.authority("xoscar two-host authority");

	private static final X509Bundle STRANGER_AUTHORITY = TestCertificates.authority("stranger authority");

	private static final String TOKEN = "token-" + UUID.randomUUID();

	private static final String SUFFIX = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));

	private static final String NAMESPACE = "xoscar-b-" + SUFFIX;

	/** The veth end in the root namespace; interface names have at most 15 characters. */
	private static final String ROOT_END = "xo-a-" + SUFFIX;

	private static final String NAMESPACE_END = "xo-b-" + SUFFIX;

	private static final int SUBNET = ThreadLocalRandom.current().nextInt(256);

	/** The address of this JVM's host. */
	private static final String ROOT_IP = "10.231." + SUBNET + ".1";

	/** The address of the other host: the namespace's. */
	private static final String OTHER_IP = "10.231." + SUBNET + ".2";

	private static boolean namespaceMade;

	private static boolean vethMade;

	private static Process child;

	private static final Deque<String> childOutput = new ArrayDeque<>();

	private static String other;

	private final List<ActorSystem> systems = new ArrayList<>();

	/** Answers with what it got and the process it runs in. */
	public static class Echo extends Actor {

		public String echo(String text) {
			return "echoed " + text;
		}

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@BeforeAll
	static void makeTheOtherHost() throws Exception {
		String failed = makeNamespace();
		if (failed != null) {
			removeNamespace();
			Assumptions.assumeTrue(false, "no network namespace for a second host (needs root and ip netns): " + failed);
		}
		other = startOtherNode();
	}

	/** @return why the namespace with its own address could not be made, or {@code null} if it was */
	private static String makeNamespace() {
		try {
			run("ip", "netns", "add", NAMESPACE);
			namespaceMade = true;
			run("ip", "link", "add", ROOT_END, "type", "veth", "peer", "name", NAMESPACE_END);
			vethMade = true;
			run("ip", "link", "set", NAMESPACE_END, "netns", NAMESPACE);
			run("ip", "address", "add", ROOT_IP + "/30", "dev", ROOT_END);
			run("ip", "link", "set", ROOT_END, "up");
			run("ip", "netns", "exec", NAMESPACE, "ip", "address", "add", OTHER_IP + "/30", "dev", NAMESPACE_END);
			run("ip", "netns", "exec", NAMESPACE, "ip", "link", "set", NAMESPACE_END, "up");
			run("ip", "netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
			return null;
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/** Runs a command to its end, at most {@link #COMMAND_TIMEOUT}; fails with its output unless it exits with 0. */
	private static void run(String... command) throws IOException, InterruptedException {
		File output = File.createTempFile("xoscar-ip-", ".out");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				throw new IOException(String.join(" ", command) + " did not end within " + COMMAND_TIMEOUT);
			}
			if (process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
						+ Files.readString(output.toPath()).strip());
			}
		}
		finally {
			Files.deleteIfExists(output.toPath());
		}
	}

	/** @return the address of the node started in the namespace, once it said it is ready */
	private static String startOtherNode() throws Exception {
		X509Bundle certificate = TestCertificates.node(AUTHORITY, "other host", OTHER_IP);
		String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
		child = new ProcessBuilder("ip", "netns", "exec", NAMESPACE, java, "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), TwoHostTlsNodeMain.class.getName())
			.start();
		CompletableFuture<String> ready = new CompletableFuture<>();
		read(child.getInputStream(), "out", ready);
		read(child.getErrorStream(), "err", null);
		// the settings go through standard input, which stays open: the child stays until it closes
		DataOutputStream settings = new DataOutputStream(child.getOutputStream());
		settings.writeUTF(OTHER_IP + ":0");
		settings.writeUTF(TOKEN);
		settings.writeUTF(certificate.getCertificatePathPEM());
		settings.writeUTF(certificate.getPrivateKeyPEM());
		settings.writeUTF(AUTHORITY.getCertificatePEM());
		settings.flush();
		try {
			return ready.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("the node in namespace " + NAMESPACE + " did not get ready: " + ex
					+ "; its last output:\n" + childOutput(), ex);
		}
	}

	private static void read(InputStream stream, String name, CompletableFuture<String> ready) {
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (ready != null && line.startsWith(TwoHostTlsNodeMain.READY)) {
						ready.complete(line.substring(TwoHostTlsNodeMain.READY.length()));
					}
					synchronized (childOutput) {
						childOutput.addLast(name + ": " + line);
						while (childOutput.size() > 40) {
							childOutput.removeFirst();
						}
					}
				}
			}
			catch (IOException ex) {
				// the child is gone
			}
			if (ready != null) {
				ready.completeExceptionally(new IllegalStateException("the child's standard output ended"));
			}
		}, "two-host-child-" + name);
		reader.setDaemon(true);
		reader.start();
	}

	private static String childOutput() {
		synchronized (childOutput) {
			return String.join("\n", childOutput);
		}
	}

	@AfterAll
	static void removeTheOtherHost() throws Exception {
		try {
			if (child != null) {
				child.destroyForcibly();
				assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
			}
		}
		finally {
			removeNamespace();
		}
	}

	private static void removeNamespace() {
		if (vethMade) {
			// also removes the other end, wherever it is
			runQuietly("ip", "link", "delete", ROOT_END);
			vethMade = false;
		}
		if (namespaceMade) {
			runQuietly("ip", "netns", "delete", NAMESPACE);
			namespaceMade = false;
		}
	}

	private static void runQuietly(String... command) {
		try {
			run(command);
		}
		catch (IOException ex) {
			System.err.println("cleaning up: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@AfterEach
	void close() {
		this.systems.forEach(ActorSystem::close);
	}

	/** A node on this JVM's host, bound to its address on the veth. */
	private ActorSystem node(X509Bundle certificate, X509Bundle trusted) {
		ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.address(ROOT_IP + ":0")
			.token(TOKEN)
			.tls(TestCertificates.tls(certificate, trusted).withClientAuth(TlsConfig.ClientAuth.NEED))
			.mainPoolThreads(2)
			.connectTimeout(Duration.ofSeconds(5))
			.build());
		this.systems.add(system);
		return system;
	}

	private static ActorHandle<Echo> echoAt(ActorSystem caller, String address, String uid) {
		return caller.createActor(Echo.class, CreateOptions.uid(uid).placement(Placement.address(address))).join();
	}

	private String onFailure() {
		return "the other host's node said:\n" + childOutput();
	}

	@Test
	void aNodeCreatesAndCallsAnActorOnTheOtherHostOverTls() throws IOException {
		assertThat(other).startsWith(OTHER_IP + ":").startsWith("10.231.");
		ActorSystem here = node(TestCertificates.node(AUTHORITY, "this host", ROOT_IP), AUTHORITY);
		assertThat(here.address()).startsWith(ROOT_IP + ":");

		ActorHandle<Echo> echo = echoAt(here, other, "on-the-other-host");
		assertThat(echo.method("echo").<String>call("across")).as(onFailure()).isEqualTo("echoed across");
		assertThat(echo.address()).isEqualTo(other);
		assertThat(here.channelTo(other)).isEqualTo("tcp");
		// it ran in the child, which is in another network namespace than this JVM
		long pid = echo.method("pid").<Long>call();
		assertThat(pid).isEqualTo(child.pid());
		assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")))
			.isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
	}

	@Test
	void aNodeWithACertificateFromAnotherAuthorityCannotReachTheOtherHost() {
		ActorSystem stranger = node(TestCertificates.node(STRANGER_AUTHORITY, "stranger", ROOT_IP), STRANGER_AUTHORITY);
		assertThatThrownBy(() -> echoAt(stranger, other, "untrusted"))
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("the certificate of the node at " + other + " is not trusted: ");
		// the other host keeps serving nodes it trusts
		ActorSystem trusted = node(TestCertificates.node(AUTHORITY, "trusted", ROOT_IP), AUTHORITY);
		assertThat(echoAt(trusted, other, "still-served").method("echo").<String>call("ok")).as(onFailure())
			.isEqualTo("echoed ok");
	}

}
