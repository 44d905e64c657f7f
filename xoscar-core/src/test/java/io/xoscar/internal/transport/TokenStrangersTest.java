package io.xoscar.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.LogCapture;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.debug.DebugEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Strangers against a node with a token, over plain sockets: one that skips the handshake, one with
 * a wrong token, one that replays a real peer's recorded connection, and peers that send garbage,
 * too much, nothing, or come in too many at once. None of them creates, calls, destroys or reports
 * anything; each is closed, logged and counted by reason; the node keeps serving its real peers.
 */
class TokenStrangersTest {

	private static final String TOKEN = "s3cret-shared-by-the-cluster";

	private static final int MAX_PENDING = 4;

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<DeadlockReport> reported = new CopyOnWriteArrayList<>();

	private final List<AutoCloseable> closing = new ArrayList<>();

	private ActorSystem node;

	private ActorSystem peer;

	private ActorHandle<Counter> counter;

	private int port;

	@BeforeEach
	void start() throws IOException {
		// the node advertises the address of a recording proxy in front of it (used by the replay)
		int free;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			free = probe.getLocalPort();
		}
		this.port = free;
		this.node = ActorSystem.create(ActorSystemConfig.builder()
			.address("127.0.0.1:" + free)
			.mainPoolThreads(1)
			.unixSockets(false)
			.token(TOKEN)
			.handshakeTimeout(HANDSHAKE_TIMEOUT)
			.maxPendingHandshakes(MAX_PENDING)
			.meterRegistry(this.meters)
			.debugListener(new DebugListener() {

				@Override
				public void onDeadlock(DeadlockReport report) {
					TokenStrangersTest.this.reported.add(report);
				}

			})
			.build());
		this.peer = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).unixSockets(false).token(TOKEN).build());
		ActorHandle<Counter> created = this.peer.createActor(Counter.class,
				CreateOptions.uid("counter").placement(io.xoscar.Placement.address(this.node.address()))).join();
		this.counter = created;
		assertThat(this.counter.method("add").<Long>call(1L)).isEqualTo(1L);
	}

	@AfterEach
	void stop() throws Exception {
		for (AutoCloseable each : this.closing) {
			each.close();
		}
		this.peer.close();
		this.node.close();
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(10_000);
		this.closing.add(socket);
		return socket;
	}

	private double rejected(RejectReason reason) {
		return this.meters.get(Rejections.METER).tag("reason", reason.tag()).counter().count();
	}

	/** Raw frames that would create, call, destroy and report if they reached the node. */
	private List<byte[]> hostileFrames() {
		String address = this.node.address();
		DeadlockReport forged = new DeadlockReport(99, Instant.now(), DeadlockReport.Detection.WAIT_FOR_GRAPH,
				List.of(new DeadlockReport.Step("counter", null, "add", address)), "forged", 0, address, List.of());
		return List.of(RawHandshake.frame(new Frame.Hello(Frame.Hello.VERSION)),
				RawHandshake.frame(Frame.Create.of(1, address, "intruder", Counter.class.getName(), new Object[0])),
				RawHandshake.frame(Frame.Call.of(2, true, address, "counter", "add", null, new Object[] { 100L }, null, null,
						null)),
				RawHandshake.frame(new Frame.Destroy(3, address, "counter")),
				RawHandshake.frame(new Frame.Report(DebugEvent.of(forged))));
	}

	private static void sendQuietly(Socket socket, List<byte[]> frames) {
		try {
			OutputStream out = socket.getOutputStream();
			for (byte[] frame : frames) {
				out.write(frame);
			}
			out.flush();
		}
		catch (IOException ex) {
			// closed by the node already
		}
	}

	/** Nothing of what strangers sent happened, and the real peer is still served. */
	private void assertUntouched() {
		assertThat(this.node.actors().join()).extracting(ActorSystem.ActorInfo::uid).containsExactly("counter");
		assertThat(this.reported).isEmpty();
		assertThat(this.counter.method("add").<Long>call(1L)).as("not called by strangers, still served").isEqualTo(2L);
	}

	@Test
	void aStrangerWithoutTheHandshakeReachesNothing() throws IOException {
		try (LogCapture log = new LogCapture(Rejections.class.getName())) {
			Socket socket = connect();
			RawHandshake.readChallenge(socket);
			sendQuietly(socket, hostileFrames());
			assertThat(RawPeer.closedByPeer(socket)).isTrue();
			await().untilAsserted(() -> assertThat(rejected(RejectReason.NO_HANDSHAKE)).isEqualTo(1));
			assertThat(log.warnings()).singleElement()
				.satisfies((line) -> assertThat(line).contains("Refused a connection from 127.0.0.1 (no-handshake)"));
		}
		assertUntouched();
	}

	@Test
	void aStrangerWithAWrongTokenIsRejectedAndReachesNothing() throws IOException {
		Socket socket = connect();
		assertThat(RawHandshake.authenticate(socket, "guessed", "127.0.0.1:1")).isEqualTo(RawHandshake.Answer.REJECTED);
		sendQuietly(socket, hostileFrames());
		assertThat(RawPeer.closedByPeer(socket)).isTrue();
		await().untilAsserted(() -> assertThat(rejected(RejectReason.BAD_PROOF)).isEqualTo(1));
		assertUntouched();
	}

	@Test
	void theRightTokenOpensTheConnectionSoTheHostileFramesAboveWouldCount() throws IOException {
		// the control: the same frames after a good handshake do reach the node
		Socket socket = connect();
		assertThat(RawHandshake.authenticate(socket, TOKEN, "127.0.0.1:1")).isEqualTo(RawHandshake.Answer.ACCEPTED);
		assertThat(RawPeer.readHello(socket)).isEqualTo(Frame.Hello.VERSION);
		sendQuietly(socket, hostileFrames());
		await().untilAsserted(() -> assertThat(this.reported).extracting(DeadlockReport::message).contains("forged"));
		assertThat(RawPeer.receive(socket)).isInstanceOf(Frame.Result.class);
	}

	@Test
	void aRecordedHandshakeReplayedOnANewConnectionIsRejected() throws Exception {
		// a node behind a recording proxy, advertising the proxy's address so its peers go through it
		ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		int free;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			free = probe.getLocalPort();
		}
		RecordingProxy proxy = new RecordingProxy(listening, free);
		this.closing.add(proxy);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (ActorSystem behind = ActorSystem.create(ActorSystemConfig.builder()
			.address("127.0.0.1:" + free)
			.advertisedAddress("127.0.0.1:" + listening.getLocalPort())
			.mainPoolThreads(1)
			.unixSockets(false)
			.token(TOKEN)
			.meterRegistry(meters)
			.build())) {
			ActorHandle<Counter> local = behind.createActor(Counter.class, CreateOptions.uid("counter")).join();
			try (ActorSystem recorded = ActorSystem
				.create(ActorSystemConfig.builder().mainPoolThreads(1).unixSockets(false).token(TOKEN).build())) {
				// a real peer's connection through the proxy: the handshake, a Hello, a call that adds 10
				assertThat(recorded.handle(behind.address(), "counter", Counter.class).method("add").<Long>call(10L))
					.isEqualTo(10L);
			}
			await().until(() -> proxy.recorded().length > 0 && proxy.finished());
			Socket replay = new Socket("127.0.0.1", free);
			this.closing.add(replay);
			replay.setSoTimeout(10_000);
			replay.getOutputStream().write(proxy.recorded());
			replay.getOutputStream().flush();
			RawHandshake.readChallenge(replay);
			assertThat(replay.getInputStream().readAllBytes()).as("a reject, then the end of the connection")
				.startsWith(RawHandshake.header(Handshake.REJECT))
				.endsWith(Handshake.REJECT_BAD_PROOF);
			await().untilAsserted(() -> assertThat(
					meters.get(Rejections.METER).tag("reason", RejectReason.BAD_PROOF.tag()).counter().count())
				.isEqualTo(1));
			assertThat(local.method("add").<Long>call(1L)).as("the replayed call did not run").isEqualTo(11L);
		}
	}

	@Test
	void garbageAndAnOversizedHandshakeAreClosedAtOnce() throws IOException {
		try (LogCapture log = new LogCapture(Rejections.class.getName())) {
			Socket garbage = connect();
			garbage.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
			assertThat(RawPeer.closedByPeer(drainChallenge(garbage))).isTrue();
			Socket oversized = connect();
			OutputStream out = oversized.getOutputStream();
			out.write(RawHandshake.header(Handshake.RESPONSE));
			out.write(new byte[Handshake.NONCE_BYTES]);
			out.write(new byte[] { (byte) 0xff, (byte) 0xff });
			out.write(new byte[1024]);
			assertThat(RawPeer.closedByPeer(drainChallenge(oversized))).isTrue();
			await().untilAsserted(() -> assertThat(rejected(RejectReason.NO_HANDSHAKE)).isEqualTo(2));
			assertThat(log.warnings()).as("one line per peer host within 10 s").hasSize(1);
		}
		assertUntouched();
	}

	@Test
	void aSilentConnectionIsClosedAfterTheHandshakeTimeout() throws IOException {
		Socket silent = connect();
		RawHandshake.readChallenge(silent);
		long start = System.nanoTime();
		assertThat(RawPeer.closedByPeer(silent)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(HANDSHAKE_TIMEOUT.minusMillis(500));
		assertThat(rejected(RejectReason.TIMEOUT)).isEqualTo(1);
		assertUntouched();
	}

	@Test
	void connectionsBeyondThePendingCapAreClosedAtOnce() throws IOException {
		for (int i = 0; i < MAX_PENDING; i++) {
			RawHandshake.readChallenge(connect());
		}
		Socket over = connect();
		assertThat(over.getInputStream().read()).as("closed without a challenge").isEqualTo(-1);
		assertThat(rejected(RejectReason.TOO_MANY_PENDING)).isEqualTo(1);
		// the pending ones time out and free their places: real peers get in again
		await().untilAsserted(() -> assertThat(rejected(RejectReason.TIMEOUT)).isEqualTo(MAX_PENDING));
		Socket later = connect();
		assertThat(RawHandshake.authenticate(later, TOKEN, "127.0.0.1:1")).isEqualTo(RawHandshake.Answer.ACCEPTED);
	}

	@Test
	void aNodeThatCannotProveTheTokenIsNotTrusted() throws Exception {
		ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.closing.add(fake);
		CompletableFuture.runAsync(() -> {
			try (Socket socket = fake.accept()) {
				OutputStream out = socket.getOutputStream();
				// a challenge, then an accept whatever the response says, with a made-up proof
				out.write(RawHandshake.header(Handshake.CHALLENGE));
				out.write(new byte[Handshake.NONCE_BYTES]);
				out.write(new byte[] { 0, 0 });
				InputStream in = socket.getInputStream();
				in.readNBytes(6 + Handshake.NONCE_BYTES + 2);
				in.readNBytes(in.available());
				out.write(RawHandshake.header(Handshake.ACCEPT));
				out.write(new byte[Handshake.PROOF_BYTES]);
				while (in.read() != -1) {
					// until the node closes
				}
			}
			catch (IOException ex) {
				// the test sees what the node made of it
			}
		});
		String address = "127.0.0.1:" + fake.getLocalPort();
		assertThatThrownBy(() -> this.peer.actorRef(address, "anyone").join()).cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessage("cannot connect to actor pool at " + address + ": the node at " + address
					+ " could not prove it knows the token: set the same xoscar.security.token "
					+ "(ActorSystemConfig.builder().token(..)) on both");
	}

	private static Socket drainChallenge(Socket socket) throws IOException {
		RawHandshake.readChallenge(socket);
		return socket;
	}

	/** Forwards one connection at a time to the node, recording what the client sent. */
	private static final class RecordingProxy implements AutoCloseable {

		private final ServerSocket listening;

		private final java.io.ByteArrayOutputStream recorded = new java.io.ByteArrayOutputStream();

		private volatile boolean finished;

		RecordingProxy(ServerSocket listening, int target) {
			this.listening = listening;
			// threads of their own: a common pool of one worker (two cores) would never run the second
			ownThread(() -> {
				try (Socket client = listening.accept(); Socket node = new Socket("127.0.0.1", target)) {
					CompletableFuture<Void> back = ownThread(() -> {
						try {
							node.getInputStream().transferTo(client.getOutputStream());
						}
						catch (IOException ex) {
							// one side closed
						}
					});
					byte[] buffer = new byte[8192];
					InputStream in = client.getInputStream();
					for (int n; (n = in.read(buffer)) != -1;) {
						synchronized (this.recorded) {
							this.recorded.write(buffer, 0, n);
						}
						node.getOutputStream().write(buffer, 0, n);
					}
					node.shutdownOutput();
					back.join();
				}
				catch (IOException ex) {
					// one side closed
				}
				this.finished = true;
			});
		}

		private static CompletableFuture<Void> ownThread(Runnable task) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					task.run();
				}
				finally {
					done.complete(null);
				}
			}, "recording-proxy");
			thread.setDaemon(true);
			thread.start();
			return done;
		}

		byte[] recorded() {
			synchronized (this.recorded) {
				return this.recorded.toByteArray();
			}
		}

		boolean finished() {
			return this.finished;
		}

		@Override
		public void close() throws IOException {
			this.listening.close();
		}

	}

	/** The node's actor that strangers try to reach. */
	public static class Counter extends Actor {

		private long value;

		public long add(long n) {
			return this.value += n;
		}

	}

}
