package io.xoscar.internal.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import io.xoscar.internal.call.CallRouter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames split at any point, as a stream socket may deliver them, come out whole and unchanged,
 * attachments of every size included, and leave nothing held of the node's frame memory.
 */
class FrameDecoderTest {

	private final Wire wire = new Wire(() -> CallRouter.DETACHED);

	private byte[] frame(long id, Object... args) {
		ByteBuf buffer = this.wire.encode(ByteBufAllocator.DEFAULT,
				Frame.Call.of(id, true, "127.0.0.1:7700", "a", "m", null, args, null, null, null));
		try {
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			return bytes;
		}
		finally {
			buffer.release();
		}
	}

	private static byte[] filled(int size, int seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	@Test
	void framesSplitAnywhereArriveWhole() {
		List<byte[][]> arrays = new ArrayList<>();
		ByteBuf stream = Unpooled.buffer();
		for (int i = 0; i < 12; i++) {
			byte[][] attached = { filled(64 * 1024 + i * 40_000, i), filled(100_000 + i, 100 + i) };
			arrays.add(attached);
			stream.writeBytes(frame(i, "small " + i, attached[0], 7L, attached[1]));
			stream.writeBytes(frame(100 + i, "no attachment"));
		}
		FrameMemory memory = new FrameMemory(64L * 1024 * 1024);
		EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(16 * 1024 * 1024, memory, Duration.ofSeconds(30)));
		Random random = new Random(42);
		while (stream.isReadable()) {
			int chunk = Math.min(stream.readableBytes(), 1 + random.nextInt(random.nextBoolean() ? 16 : 90_000));
			channel.writeInbound(stream.readRetainedSlice(chunk));
		}
		stream.release();
		for (int i = 0; i < 12; i++) {
			Frame.Call withArrays = decodeNext(channel);
			assertThat(withArrays.id()).isEqualTo(i);
			assertThat(withArrays.tree().get(0).stringValue()).isEqualTo("small " + i);
			assertThat(withArrays.attachments()).containsExactly(arrays.get(i)[0], arrays.get(i)[1]);
			assertThat(decodeNext(channel).id()).isEqualTo(100 + i);
		}
		assertThat((Object) channel.readInbound()).isNull();
		assertThat(memory.held()).isZero();
		channel.finishAndReleaseAll();
	}

	private Frame.Call decodeNext(EmbeddedChannel channel) {
		ReceivedFrame received = channel.readInbound();
		try {
			return (Frame.Call) this.wire.decode(received);
		}
		finally {
			received.release();
		}
	}

}
