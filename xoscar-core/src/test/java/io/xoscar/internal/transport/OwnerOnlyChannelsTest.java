package io.xoscar.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.debug.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Unix sockets and shared memory are the user's alone: where their files are, with which
 * permissions, which directories are not trusted, and that a process of another user cannot
 * connect to a node's socket.
 */
class OwnerOnlyChannelsTest {

	private static final int NOBODY = 65534;

	private static ActorSystem node;

	private static ActorSystem peer;

	@BeforeAll
	static void start() {
		assumeThat(UnixSockets.available()).as("native transport with Unix sockets").isTrue();
		node = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());
		peer = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());
	}

	@AfterAll
	static void stop() {
		if (node != null) {
			peer.close();
			node.close();
		}
	}

	public static class Echo extends Actor {

		public String echo(String text) {
			return text;
		}

	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
	}

	private static int uidOf(Path path) throws IOException {
		return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
	}

	private static String echoFromPeer(String uid, String text) {
		return peer.createActor(Echo.class, CreateOptions.uid(uid).placement(Placement.address(node.address())))
			.join()
			.method("echo")
			.call(text);
	}

	@Test
	void theSocketIsTheUsersAloneInADirectoryOfTheUsersAloneAndNodesOfTheUserUseIt() throws IOException {
		Path socket = UnixSockets.path(node.address());
		assertThat(UnixSockets.directory().getFileName().toString()).isEqualTo("xoscar-" + OwnerOnlyDirectory.UID);
		assertThat(OwnerOnlyDirectory.UID).isEqualTo(uidOf(Path.of("/proc/self")));
		assertThat(permissions(UnixSockets.directory())).isEqualTo("rwx------");
		assertThat(uidOf(UnixSockets.directory())).isEqualTo(OwnerOnlyDirectory.UID);
		assertThat(socket).exists();
		assertThat(permissions(socket)).isEqualTo("rw-------");
		assertThat(echoFromPeer("same-user", "hello")).isEqualTo("hello");
		assertThat(peer.channelTo(node.address())).isEqualTo("unix");
	}

	@Test
	void socketFilesOfNodesThatAreGoneAreSweptFromTheUsersDirectory() throws IOException {
		int freePort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			freePort = probe.getLocalPort();
		}
		Path stale = Files.createFile(UnixSockets.path("127.0.0.1:" + freePort));
		UnixSockets.deleteStale();
		assertThat(stale).doesNotExist();
		assertThat(UnixSockets.path(node.address())).as("a live node's socket").exists();
	}

	@Test
	void aSocketSomeoneListensOnIsKeptAlsoWhenItsTcpPortCannotBeReachedFromHere() throws IOException {
		// as for a node in another network namespace sharing the directory: its loopback port is not ours
		int unreachablePort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			unreachablePort = probe.getLocalPort();
		}
		Path socket = UnixSockets.path("127.0.0.1:" + unreachablePort);
		try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listening.bind(UnixDomainSocketAddress.of(socket));
			UnixSockets.deleteStale();
			assertThat(socket).as("a socket that is listened on").exists();
		}
		finally {
			Files.deleteIfExists(socket);
		}
	}

	@Test
	void sharedMemorySegmentsAreTheUsersAloneInADirectoryOfTheUsersAlone() throws IOException {
		assumeThat(Path.of("/dev/shm")).isDirectory();
		new SharedMemory(1 << 20);
		try (SharedArena arena = SharedArena.create(1024)) {
			Path file = SharedMemory.path(arena.id());
			assertThat(file.getParent()).isEqualTo(Path.of("/dev/shm", "xoscar-" + OwnerOnlyDirectory.UID));
			assertThat(permissions(file.getParent())).isEqualTo("rwx------");
			assertThat(permissions(file)).isEqualTo("rw-------");
			assertThat(uidOf(file)).isEqualTo(OwnerOnlyDirectory.UID);
		}
	}

	@Test
	void aDirectoryIsCreatedOwnerOnlyAndOneOpenToOthersOrALinkIsRefused(@TempDir Path temp) throws IOException {
		Path created = OwnerOnlyDirectory.prepare(temp.resolve("new"));
		assertThat(permissions(created)).isEqualTo("rwx------");
		assertThat(OwnerOnlyDirectory.prepare(created)).as("used again").isEqualTo(created);

		Path open = Files.createDirectory(temp.resolve("open"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(open)).isInstanceOf(IOException.class)
			.hasMessage(open + " is open to other users (rwxrwxrwx, it must be rwx------), so it is not used");
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x---"));
		assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(open)).hasMessageContaining("is open to other users");

		Path link = Files.createSymbolicLink(temp.resolve("link"), created);
		assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(link)).hasMessage(link + " is a symbolic link, so it is not used");

		Path file = Files.createFile(temp.resolve("file"));
		assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(file)).hasMessageContaining("is not a directory");
	}

	@Test
	void aDirectoryOfAnotherUserIsRefused(@TempDir Path temp) throws IOException {
		assumeThat(OwnerOnlyDirectory.UID).as("root, to give a directory away").isZero();
		Path theirs = OwnerOnlyDirectory.prepare(temp.resolve("theirs"));
		Files.setAttribute(theirs, "unix:uid", NOBODY);
		assertThatThrownBy(() -> OwnerOnlyDirectory.prepare(theirs))
			.hasMessageStartingWith(theirs + " belongs to user ")
			.hasMessageEndingWith(", not to this process's user, so it is not used");
	}

	@Test
	void aProcessOfAnotherUserIsRefusedBeforeAnythingIsReadAndTheNodeServesItsPeers(@TempDir Path temp)
			throws Exception {
		assumeThat(OwnerOnlyDirectory.UID).as("root, to run a client as another user").isZero();
		Path setpriv = Path.of("/usr/bin/setpriv");
		Path python = Path.of("/usr/bin/python3");
		assumeThat(Files.isExecutable(setpriv) && Files.isExecutable(python)).as("setpriv and python3").isTrue();
		assertThat(echoFromPeer("before", "before")).isEqualTo("before");
		Path socket = UnixSockets.path(node.address());
		// the stranger gets a way to the socket that its directory denies: a hard link in an open directory
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path reachable = Files.createLink(temp.resolve("node.sock"), socket);
		Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
		try (LogCapture log = new LogCapture(PeerCredentialsCheck.class.getName())) {
			String answer = runAsNobody(setpriv, python, reachable);
			assertThat(answer).as("what the stranger saw").isEqualTo("closed");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(log.warnings()).anySatisfy((warning) -> assertThat(warning)
					.isEqualTo("Refused a connection to the Unix socket of node " + node.address()
							+ " from a process of user id " + NOBODY + ": only processes of user 0 are accepted"
							+ " (further refusals of user " + NOBODY + " are logged at most once a minute)")));
			assertThat(runAsNobody(setpriv, python, reachable)).isEqualTo("closed");
			assertThat(log.warnings()).as("rate-limited per user id").hasSize(1);
		}
		finally {
			Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
		}
		assertThat(echoFromPeer("after", "after")).isEqualTo("after");
		try (ActorSystem newPeer = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build())) {
			assertThat(newPeer.actorRef(node.address(), "after").join().method("echo").<String>call("again"))
				.isEqualTo("again");
			assertThat(newPeer.channelTo(node.address())).isEqualTo("unix");
		}
	}

	/**
	 * Connects as user nobody, sends bytes a node would read as a frame and says whether the node
	 * closed the connection ("closed") or sent something or left it open ("open").
	 */
	private static String runAsNobody(Path setpriv, Path python, Path socket) throws Exception {
		String client = String.join("\n", "import socket, sys",
				"s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)", "s.settimeout(5)", "s.connect(sys.argv[1])",
				"try:", "    s.sendall(bytes(64))", "    print('closed' if s.recv(1) == b'' else 'open')",
				"except socket.timeout:", "    print('open')", "except OSError:", "    print('closed')");
		Process process = new ProcessBuilder(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
				"--clear-groups", python.toString(), "-c", client, socket.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("client done").isTrue();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
	}

}
