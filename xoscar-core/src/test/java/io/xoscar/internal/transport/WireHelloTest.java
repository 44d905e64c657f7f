package io.xoscar.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.xoscar.debug.LogCapture;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.CallRouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every connection starts with a {@link Frame.Hello} from each side: a peer whose first frame is
 * not one, or that speaks another wire protocol version, is refused before anything it sends
 * reaches the node, and the side that connects is told why.
 */
class WireHelloTest {

	private final NoActors node = new NoActors();

	private Transport transport;

	private int port;

	@BeforeEach
	void start() {
		this.transport = Transport.start(this.node, "127.0.0.1", 0, null,
				new TransportSettings(1024 * 1024, 16 * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(1), List.of(),
						false, 0, List.of()),
				() -> CallRouter.DETACHED);
		String address = this.transport.address();
		this.port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

	@AfterEach
	void stop() {
		this.transport.close();
	}

	private Socket connectWithoutHello() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(5000);
		assertThat(RawPeer.readHello(socket)).as("the node greets first").isEqualTo(Frame.Hello.VERSION);
		return socket;
	}

	/** @return a call, which looks its actor up as soon as it reaches the node */
	private Frame.Call call(long id) {
		return Frame.Call.of(id, true, this.transport.address(), "anyone", "run", null, new Object[0], null, null, null);
	}

	@Test
	void aConnectionWhoseFirstFrameIsNotAHelloIsClosedWithoutReachingTheNode() throws IOException {
		try (LogCapture log = new LogCapture(ServerConnection.class.getName()); Socket socket = connectWithoutHello()) {
			RawPeer.send(socket, call(1));
			RawPeer.send(socket, call(2));
			assertThat(RawPeer.closedByPeer(socket)).as("closed, nothing answered").isTrue();
			assertThat(this.node.lookups).hasValue(0);
			assertThat(log.warnings()).filteredOn((line) -> line.contains("Refusing connection"))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("its first frame is not a Hello"));
		}
		try (Socket greeted = RawPeer.connect("127.0.0.1", this.port, 5000)) {
			RawPeer.send(greeted, call(3));
			assertThat(RawPeer.receive(greeted)).isInstanceOf(Frame.Error.class);
			assertThat(this.node.lookups).hasValue(1);
		}
	}

	@Test
	void aPeerOfAnotherVersionIsRefusedWithALoggedReason() throws IOException {
		try (LogCapture log = new LogCapture(ServerConnection.class.getName()); Socket socket = connectWithoutHello()) {
			RawPeer.sendHello(socket, Frame.Hello.VERSION + 1);
			RawPeer.send(socket, call(1));
			assertThat(RawPeer.closedByPeer(socket)).isTrue();
			assertThat(this.node.lookups).hasValue(0);
			assertThat(log.warnings()).filteredOn((line) -> line.contains("Refusing connection"))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("it speaks wire protocol version " + (Frame.Hello.VERSION + 1)
						+ ", this node speaks " + Frame.Hello.VERSION));
		}
	}

	@Test
	void connectingToANodeOfAnotherVersionFailsWithAClearMessage() throws Exception {
		String peer = fakeNode((socket) -> RawPeer.sendHello(socket, 99));
		assertThatThrownBy(() -> this.transport.has(peer, "anyone").join()).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessage("cannot connect to actor pool at " + peer + ": node at " + peer
					+ " speaks wire protocol version 99, this node speaks " + Frame.Hello.VERSION);
	}

	@Test
	void connectingToAPeerThatDoesNotGreetFailsWithAClearMessage() throws Exception {
		String answering = fakeNode((socket) -> RawPeer.send(socket, Frame.Result.of(1, "hello?")));
		assertThatThrownBy(() -> this.transport.has(answering, "anyone").join()).cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessage("cannot connect to actor pool at " + answering + ": node at " + answering
					+ " does not speak wire protocol version " + Frame.Hello.VERSION + ": its first frame is not a Hello");
		String silent = fakeNode((socket) -> {
		});
		assertThatThrownBy(() -> this.transport.has(silent, "anyone").join()).cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessage("cannot connect to actor pool at " + silent + ": no Hello from node at " + silent + " within 1000 ms");
	}

	/**
	 * Listens for one connection, checks that the connecting node greets with a Hello of this
	 * version, then lets {@code greeting} answer and keeps the connection until the node closes it.
	 * @return the fake node's address
	 */
	private static String fakeNode(IoConsumer<Socket> greeting) throws IOException {
		ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		CompletableFuture.runAsync(() -> {
			try (server; Socket socket = server.accept()) {
				socket.setSoTimeout(10_000);
				assertThat(RawPeer.readHello(socket)).isEqualTo(Frame.Hello.VERSION);
				greeting.accept(socket);
				InputStream in = socket.getInputStream();
				while (in.read() != -1) {
					// until the node closes the connection
				}
			}
			catch (IOException ex) {
				// the test sees what the node made of it
			}
		});
		return "127.0.0.1:" + server.getLocalPort();
	}

	@FunctionalInterface
	private interface IoConsumer<T> {

		void accept(T value) throws IOException;

	}

}
