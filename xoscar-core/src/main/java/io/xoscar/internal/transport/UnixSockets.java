package io.xoscar.internal.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.channel.unix.DomainSocketAddress;
import reactor.netty.resources.LoopResources;

/**
 * Where a node's Unix domain socket lives, and whether a peer can be reached through one: a node
 * listens on {@code <tmpdir>/xoscar/<host>_<port>.sock} next to its TCP port, and callers on the
 * same host use that socket instead of TCP.
 */
final class UnixSockets {

	private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "xoscar");

	private UnixSockets() {
	}

	/** @return whether this platform has Unix domain sockets for our transport (native transport) */
	static boolean available() {
		return LoopResources.hasNativeSupport();
	}

	static Path path(String nodeAddress) {
		return DIRECTORY.resolve(nodeAddress.replace(':', '_') + ".sock");
	}

	/**
	 * Prepares the socket path of a node that just bound its TCP port: a file left there by a
	 * crashed process is stale (the port was free), so it is deleted.
	 */
	static DomainSocketAddress bindAddress(String nodeAddress) throws IOException {
		Files.createDirectories(DIRECTORY);
		Path path = path(nodeAddress);
		Files.deleteIfExists(path);
		return new DomainSocketAddress(path.toFile());
	}

	/**
	 * Deletes socket files of nodes that are gone (a process killed with SIGKILL cannot delete its
	 * own): a file is stale when nothing listens on the TCP port its name gives, since a node binds
	 * that port before it creates the file and keeps it until it deletes the file.
	 */
	static void deleteStale() {
		if (!Files.isDirectory(DIRECTORY)) {
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
