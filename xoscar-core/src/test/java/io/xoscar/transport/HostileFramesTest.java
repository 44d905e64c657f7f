package io.xoscar.transport;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.internal.transport.RawPeer;
import io.xoscar.transport.HostileFramesNodeMain.HeapProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peers that announce huge frames and send almost nothing of them, against a node with a 128 MiB
 * heap in a child JVM: its heap stays flat, calls on other connections are answered meanwhile, and
 * the stalled frames are dropped after the read timeout. Frames larger than the node's memory for
 * frames still arriving are refused at once.
 */
class HostileFramesTest {

	private static final int MIB = 1024 * 1024;

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

	private static ChildJvm child;

	private static ActorSystem system;

	private static ActorHandle<HeapProbe> probe;

	private static String host;

	private static int port;

	@BeforeAll
	static void start() {
		child = ChildJvm.start(ChildJvmSpec.of("hostile-frames", HostileFramesNodeMain.class.getName())
			.withArgs(READ_TIMEOUT.toString())
			.withJvmArgs("-Xmx128m", "-XX:+UseSerialGC"));
		String address = child.readyPayload();
		host = address.substring(0, address.lastIndexOf(':'));
		port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
		system = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());
		probe = system.createActor(HeapProbe.class, CreateOptions.at(Placement.address(address))).join();
	}

	@AfterAll
	static void stop() {
		system.close();
		child.close();
	}

	private static Socket connect() throws IOException {
		return RawPeer.connect(host, port, (int) READ_TIMEOUT.multipliedBy(5).toMillis());
	}

	@Test
	void fiftyConnectionsAnnouncingHugeFramesLeaveTheHeapFlat() throws IOException {
		// a quarter of the heap may be held for frames still arriving: announce just under it
		int announced = (int) (probe.method("maxHeap").<Long>call() / 4) - 1024;
		long before = probe.method("heapUsedAfterGc").<Long>call();
		List<Socket> hostile = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				Socket socket = connect();
				hostile.add(socket);
				DataOutputStream out = new DataOutputStream(socket.getOutputStream());
				out.writeInt(announced);
				if (i % 2 == 0) {
					// a body of almost the whole frame, of which 16 bytes arrive
					out.writeInt(announced - 4);
					out.write(new byte[16]);
				}
				else {
					// a small body, then an attachment of almost the whole frame, of which 64 KiB arrive
					out.writeInt(1);
					out.write(0xf6);
					out.writeInt(announced - 13);
					out.write(new byte[64 * 1024]);
				}
				out.flush();
			}
			for (int i = 0; i < 20; i++) {
				assertThat(probe.method("ping").<String>call("still here " + i)).isEqualTo("still here " + i);
			}
			long during = probe.method("heapUsedAfterGc").<Long>call();
			System.out.println("heap after GC: " + before / 1024 + " KiB before, " + during / 1024 + " KiB with 50 frames of "
					+ announced / MIB + " MiB announced");
			assertThat(during - before).as("heap growth in bytes").isLessThan(8L * MIB);
			long started = System.nanoTime();
			for (Socket socket : hostile) {
				assertThat(RawPeer.closedByPeer(socket)).isTrue();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT.multipliedBy(4));
			assertThat(probe.method("ping").<String>call("after")).isEqualTo("after");
		}
		finally {
			for (Socket socket : hostile) {
				socket.close();
			}
		}
	}

	@Test
	void processPoolsApplyTheLimitsOfTheirParent() throws IOException {
		try (ActorSystem parent = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.incompleteFrameMemory(2 * MIB)
			.frameReadTimeout(Duration.ofSeconds(1))
			.pool(io.xoscar.config.PoolConfig.process("limited"))
			.build())) {
			String address = parent.pools().get(1).address();
			String poolHost = address.substring(0, address.lastIndexOf(':'));
			int poolPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
			try (Socket tooLarge = RawPeer.connect(poolHost, poolPort, 10_000);
					Socket stalling = RawPeer.connect(poolHost, poolPort, 10_000)) {
				DataOutputStream large = new DataOutputStream(tooLarge.getOutputStream());
				large.writeInt(3 * MIB);
				large.flush();
				DataOutputStream stalled = new DataOutputStream(stalling.getOutputStream());
				stalled.writeInt(1000);
				stalled.writeInt(996);
				stalled.flush();
				long started = System.nanoTime();
				assertThat(RawPeer.closedByPeer(tooLarge)).isTrue();
				assertThat(RawPeer.closedByPeer(stalling)).isTrue();
				// the child's own default read timeout is 30 s
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
			}
		}
	}

	@Test
	void aFrameLargerThanTheMemoryForIncompleteFramesIsRefusedAtOnce() throws IOException {
		try (Socket socket = connect()) {
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.writeInt(200 * MIB);
			out.writeInt(200 * MIB - 4);
			out.flush();
			long started = System.nanoTime();
			assertThat(RawPeer.closedByPeer(socket)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT);
		}
		assertThat(probe.method("ping").<String>call("unaffected")).isEqualTo("unaffected");
	}

}
