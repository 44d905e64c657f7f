package io.xoscar.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large byte arrays between a node and its process pool cross through shared memory. The ring is
 * kept small here so that concurrent calls fill it: arrays that do not fit take the socket, and
 * either way every byte arrives in order, in both directions.
 */
class SharedMemoryTest {

	private static final int RING = 2 * 1024 * 1024;

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("blobs").threads(2))
		.configure((config) -> config.sharedMemory(RING))
		.build();

	private static final ActorSystem system = xoscar.system();

	private static ActorHandle<Blobs> blobs;

	@BeforeAll
	static void start() {
		blobs = system.createActor(Blobs.class, CreateOptions.at(Placement.pool(1))).join();
	}

	public static class Blobs extends StatelessActor {

		public byte[] echo(byte[] data) {
			return data;
		}

		/** Two arrays in one call, answered as one: the order of attachments must hold. */
		public byte[] concat(byte[] first, String separator, byte[] second) {
			byte[] joined = new byte[first.length + 1 + second.length];
			System.arraycopy(first, 0, joined, 0, first.length);
			joined[first.length] = (byte) separator.charAt(0);
			System.arraycopy(second, 0, joined, first.length + 1, second.length);
			return joined;
		}

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	private static byte[] filled(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

	@Test
	void concurrentLargeArraysArriveIntactWhetherTheyFitTheRingOrNot() {
		List<byte[]> sent = new ArrayList<>();
		List<CompletableFuture<byte[]>> echoed = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			byte[] data = filled(64 * 1024 + i * 37_000, i);
			sent.add(data);
			echoed.add(blobs.method("echo").send((Object) data));
		}
		byte[] tooLarge = filled(RING + 1, 99);
		CompletableFuture<byte[]> large = blobs.method("echo").send((Object) tooLarge);
		for (int i = 0; i < sent.size(); i++) {
			assertThat(echoed.get(i).join()).as("call %d", i).isEqualTo(sent.get(i));
		}
		assertThat(large.join()).isEqualTo(tooLarge);
	}

	@Test
	void severalArraysOfOneCallKeepTheirOrderWhenOnlySomeFit() {
		byte[] first = filled(RING - 300_000, 1);
		byte[] second = filled(500_000, 2);
		byte[] joined = blobs.method("concat").call(first, "|", second);
		assertThat(joined).hasSize(first.length + 1 + second.length);
		assertThat(joined).startsWith(first).endsWith(second);
		assertThat(joined[first.length]).isEqualTo((byte) '|');
	}

	@Test
	void noSegmentFileIsLeftOnceBothSidesMappedIt() throws IOException {
		long child = blobs.method("pid").<Long>call();
		blobs.method("echo").call((Object) filled(200_000, 3));
		try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("xoscar-" + child + "-")
						|| name.startsWith("xoscar-" + ProcessHandle.current().pid() + "-"));
		}
	}

}
