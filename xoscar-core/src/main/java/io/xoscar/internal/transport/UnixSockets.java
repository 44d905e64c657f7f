package io.xoscar.internal.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.netty.channel.unix.DomainSocketAddress;
import reactor.netty.resources.LoopResources;

/**
 * Where a node's Unix domain socket lives, and whether a peer can be reached through one: a node
 * listens on {@code <tmpdir>/xoscar-<uid>/<host>_<port>.sock} next to its TCP port, and callers on
 * the same host use that socket instead of TCP. The directory is the user's alone
 * ({@link OwnerOnlyDirectory}) and the socket {@code rw-------}: only nodes of the same user find
 * and reach each other's sockets; a node of another user is reached over TCP.
 */
final class UnixSockets {

	private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
			"xoscar-" + OwnerOnlyDirectory.userTag());

	private UnixSockets() {
	}

	/** @return whether this platform has Unix domain sockets for our transport (native transport) */
	static boolean available() {
		return LoopResources.hasNativeSupport();
	}

	static Path path(String nodeAddress) {
		return DIRECTORY.resolve(nodeAddress.replace(':', '_') + ".sock");
	}

	static Path directory() {
		return DIRECTORY;
	}

	/**
	 * Prepares the socket path of a node that just bound its TCP port: a file left there by a
	 * crashed process is stale (the port was free), so it is deleted.
	 * @throws IOException also when the directory is not this user's alone (the message says why)
	 */
	static DomainSocketAddress bindAddress(String nodeAddress) throws IOException {
		if (OwnerOnlyDirectory.UID < 0) {
			throw new IOException("the user id of this process cannot be known, so the users of processes "
					+ "connecting to a Unix socket cannot be checked");
		}
		OwnerOnlyDirectory.prepare(DIRECTORY);
		Path path = path(nodeAddress);
		Files.deleteIfExists(path);
		return new DomainSocketAddress(path.toFile());
	}

	/**
	 * Closes a bound socket file to other users (its directory already is; this holds should the
	 * directory ever be opened).
	 */
	static void restrict(DomainSocketAddress socket) throws IOException {
		Files.setPosixFilePermissions(Path.of(socket.path()), PosixFilePermissions.fromString("rw-------"));
	}

	/**
	 * Deletes socket files of nodes that are gone (a process killed with SIGKILL cannot delete its
	 * own): a file is stale when nothing listens on it and nothing on the TCP port its name gives. The
	 * socket decides for nodes whose port this process cannot reach (another network namespace or
	 * container sharing the directory), the port for a node between binding its socket and
	 * listening on it (a node binds its port before it creates the file and keeps it until it deletes
	 * the file).
	 */
	static void deleteStale() {
		if (!OwnerOnlyDirectory.isOwnerOnly(DIRECTORY)) {
			return;
		}
		try (var files = Files.list(DIRECTORY)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".sock")).forEach(UnixSockets::deleteIfStale);
		}
		catch (IOException | RuntimeException ex) {
			// best effort: a stale file only wastes an inode, and a new node deletes its own on bind
		}
	}

	private static void deleteIfStale(Path file) {
		String name = file.getFileName().toString();
		int separator = name.lastIndexOf('_');
		try {
			String host = name.substring(0, separator);
			int port = Integer.parseInt(name.substring(separator + 1, name.length() - ".sock".length()));
			if (listening(file)) {
				return;
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 200);
			}
			catch (ConnectException ex) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | RuntimeException ex) {
			// not ours, or not decidable: leave it
		}
	}

	private static boolean listening(Path socketFile) {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			// a node sees a peer that leaves before its handshake, but does not count it
			return channel.connect(UnixDomainSocketAddress.of(socketFile));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * @return the socket of a peer on this host, or {@code null} when it must be reached over TCP
	 */
	static DomainSocketAddress peerAddress(String nodeAddress) {
		if (!available()) {
			return null;
		}
		String host = nodeAddress.substring(0, nodeAddress.lastIndexOf(':'));
		Path path = path(nodeAddress);
		return (isThisHost(host) && Files.exists(path)) ? new DomainSocketAddress(path.toFile()) : null;
	}

	private static boolean isThisHost(String host) {
		try {
			InetAddress address = InetAddress.getByName(host);
			return address.isLoopbackAddress() || address.isAnyLocalAddress()
					|| NetworkInterface.getByInetAddress(address) != null;
		}
		catch (UnknownHostException | SocketException ex) {
			return false;
		}
	}

}
