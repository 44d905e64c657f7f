package io.xoscar.internal.transport;

import java.nio.file.Files;

import io.netty.handler.codec.CorruptedFrameException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared memory ring between a sender ({@link SharedArena}) and a receiver
 * ({@link SharedSegments}) of one connection, both in this JVM.
 */
class SharedArenaTest {

	private static byte[] filled(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed + i);
		}
		return bytes;
	}

	@Test
	void arraysCrossAndTheirSpaceIsReusedAroundTheRing() throws Exception {
		try (SharedArena arena = SharedArena.create(1024)) {
			SharedSegments receiver = new SharedSegments();
			for (int round = 0; round < 50; round++) {
				byte[] sent = filled(100 + round * 7, round);
				int offset = arena.place(sent);
				assertThat(offset).as("round %d", round).isGreaterThanOrEqualTo(0);
				assertThat(receiver.take(arena.id(), offset, sent.length)).isEqualTo(sent);
			}
		}
	}

	@Test
	void aFullRingRefusesUntilTheOldestRegionIsFreedEvenWhenFreedOutOfOrder() throws Exception {
		try (SharedArena arena = SharedArena.create(1024)) {
			SharedSegments receiver = new SharedSegments();
			byte[] first = filled(300, 1);
			byte[] second = filled(300, 2);
			byte[] third = filled(300, 3);
			int a = arena.place(first);
			int b = arena.place(second);
			int c = arena.place(third);
			assertThat(arena.place(filled(300, 4))).as("no room left").isEqualTo(-1);
			assertThat(receiver.take(arena.id(), b, second.length)).isEqualTo(second);
			assertThat(arena.place(filled(300, 4))).as("the oldest region is still busy").isEqualTo(-1);
			assertThat(receiver.take(arena.id(), a, first.length)).isEqualTo(first);
			byte[] fourth = filled(500, 4);
			int d = arena.place(fourth);
			assertThat(d).as("wraps to the start").isZero();
			assertThat(receiver.take(arena.id(), c, third.length)).isEqualTo(third);
			assertThat(receiver.take(arena.id(), d, fourth.length)).isEqualTo(fourth);
		}
	}

	@Test
	void anArrayLargerThanTheRingIsRefused() throws Exception {
		try (SharedArena arena = SharedArena.create(1024)) {
			assertThat(arena.place(new byte[2048])).isEqualTo(-1);
			assertThat(arena.place(new byte[1016])).isZero();
		}
	}

	@Test
	void theReceiverDeletesTheFileOnceMappedAndTheSenderOnClose() throws Exception {
		SharedArena opened = SharedArena.create(1024);
		int offset = opened.place(new byte[8]);
		assertThat(SharedMemory.path(opened.id())).exists();
		new SharedSegments().take(opened.id(), offset, 8);
		assertThat(SharedMemory.path(opened.id())).doesNotExist();
		opened.close();
		SharedArena unopened = SharedArena.create(1024);
		unopened.close();
		assertThat(SharedMemory.path(unopened.id())).doesNotExist();
		assertThat(unopened.place(new byte[8])).as("closed").isEqualTo(-1);
	}

	@Test
	void badReferencesFailWithoutReadingOutsideTheSegment() throws Exception {
		try (SharedArena arena = SharedArena.create(1024)) {
			SharedSegments receiver = new SharedSegments();
			int offset = arena.place(filled(64, 9));
			assertThatThrownBy(() -> receiver.take(arena.id(), 1020, 64)).isInstanceOf(CorruptedFrameException.class)
				.hasMessageContaining("outside its segment");
			assertThatThrownBy(() -> receiver.take(arena.id(), -8, 8)).isInstanceOf(CorruptedFrameException.class);
			assertThatThrownBy(() -> receiver.take(arena.id(), 3, 8)).isInstanceOf(CorruptedFrameException.class);
			assertThatThrownBy(() -> receiver.take(arena.id(), offset, 65)).isInstanceOf(CorruptedFrameException.class)
				.hasMessageContaining("not holding 65 bytes");
			assertThat(receiver.take(arena.id(), offset, 64)).isEqualTo(filled(64, 9));
			assertThatThrownBy(() -> receiver.take(arena.id(), offset, 64)).as("already taken")
				.isInstanceOf(CorruptedFrameException.class);
			assertThatThrownBy(() -> receiver.take(42L, 0, 8)).isInstanceOf(CorruptedFrameException.class)
				.hasMessageContaining("cannot open shared memory segment");
		}
	}

	@Test
	void staleFilesOfDeadProcessesAreSwept() throws Exception {
		long deadPid = 0x3fffffL;
		java.nio.file.Path stale = SharedMemory.path((deadPid << 32) | 7);
		Files.write(stale, new byte[8]);
		SharedMemory.deleteStale();
		assertThat(stale).doesNotExist();
	}

}
