package io.xoscar.internal.transport;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.xoscar.debug.LogCapture;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.internal.call.CallRouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The memory a node holds for frames still arriving, by its own accounting: it follows the bytes
 * that arrived, not the lengths announced; a frame that would take more than the node-wide limit,
 * or that stalls, closes its connection with a logged reason, and what it held is given back; other
 * frames, large ones included, go on arriving.
 */
class FrameMemoryTest {

	private static final int MIB = 1024 * 1024;

	private static final long LIMIT = 4 * MIB;

	private Transport transport;

	private int port;

	@BeforeEach
	void start() {
		this.transport = Transport.start(new NoActors(), "127.0.0.1", 0, null,
				new TransportSettings(256 * MIB, LIMIT, Duration.ofSeconds(1), Duration.ofSeconds(5), List.of(), false, 0,
						List.of()),
				() -> CallRouter.DETACHED);
		String address = this.transport.address();
		this.port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

	@AfterEach
	void stop() {
		this.transport.close();
	}

	private Socket connect() throws IOException {
		return RawPeer.connect("127.0.0.1", this.port, 5000);
	}

	private long held() {
		return this.transport.frameMemory().held();
	}

	/** @return a call frame whose argument is an attached array of the given size, with its length prefix */
	private byte[] callWithArray(long id, int size) {
		return RawPeer.encode(Frame.Call.of(id, true, this.transport.address(), "nobody", "take", null,
				new Object[] { new byte[size] }, null, null, null));
	}

	private static void write(Socket socket, byte[] bytes, int from, int to) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(bytes, from, to - from);
		out.flush();
	}

	private static Frame.Error receive(Socket socket) throws IOException {
		return (Frame.Error) RawPeer.receive(socket);
	}

	private static boolean closedByPeer(Socket socket) throws IOException {
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Test
	void announcedLengthsTakeNoMemoryUntilTheirBytesArrive() throws IOException {
		try (Socket first = connect(); Socket second = connect()) {
			DataOutputStream out = new DataOutputStream(first.getOutputStream());
			out.writeInt(3 * MIB);
			out.writeInt(3 * MIB - 4);
			out.write(new byte[16]);
			out.flush();
			DataOutputStream attached = new DataOutputStream(second.getOutputStream());
			attached.writeInt(3 * MIB);
			attached.writeInt(4);
			attached.write(new byte[4]);
			attached.writeInt(3 * MIB - 12);
			attached.write(new byte[1000]);
			attached.flush();
			// what arrived, in buffers of at most a read each, not the 6 MiB announced
			await().atMost(Duration.ofSeconds(5)).until(() -> this.held() > 0);
			assertThat(held()).isLessThan(MIB);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.held() == 0);
	}

	@Test
	void aFrameThatWouldExceedTheNodesLimitClosesOnlyItsConnection() throws IOException {
		int size = (int) (LIMIT * 7 / 8);
		byte[] large = callWithArray(1, size);
		byte[] other = callWithArray(2, size);
		try (LogCapture log = new LogCapture(ServerConnection.class.getName());
				Socket holding = connect();
				Socket exceeding = connect();
				Socket oversized = connect()) {
			write(holding, large, 0, large.length / 2);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.held() >= size);
			write(exceeding, other, 0, other.length / 2);
			assertThat(closedByPeer(exceeding)).isTrue();
			assertThat(log.warnings()).anySatisfy((line) -> assertThat(line).contains("beyond its limit of " + LIMIT));
			new DataOutputStream(oversized.getOutputStream()).writeInt((int) LIMIT + 1);
			assertThat(closedByPeer(oversized)).isTrue();
			assertThat(log.warnings()).anySatisfy((line) -> assertThat(line).contains("larger than the " + LIMIT));
			// the frame that fitted arrives whole and is answered; its memory is given back
			write(holding, large, large.length / 2, large.length);
			Frame.Error answer = receive(holding);
			assertThat(answer.id()).isEqualTo(1);
			assertThat(answer.error().className()).isEqualTo(ActorNotFoundException.class.getName());
			assertThat(held()).isZero();
			// and the next one fits again
			write(holding, other, 0, other.length);
			assertThat(receive(holding).id()).isEqualTo(2);
		}
	}

	@Test
	void aFrameThatStallsIsDroppedAfterTheReadTimeout() throws IOException {
		byte[] frame = callWithArray(3, MIB);
		try (LogCapture log = new LogCapture(FrameDecoder.class.getName()); Socket stalling = connect();
				Socket healthy = connect()) {
			write(stalling, frame, 0, frame.length / 2);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.held() >= MIB);
			long started = System.nanoTime();
			stalling.setSoTimeout(10_000);
			assertThat(closedByPeer(stalling)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
			assertThat(log.warnings()).anySatisfy((line) -> assertThat(line).contains("stalled"));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.held() == 0);
			// other connections carry on
			write(healthy, frame, 0, frame.length);
			assertThat(receive(healthy).id()).isEqualTo(3);
		}
	}

}
