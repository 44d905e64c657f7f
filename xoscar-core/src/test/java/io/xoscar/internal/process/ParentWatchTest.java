package io.xoscar.internal.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The watch loop only: installing the watch in the test JVM would halt it when its own standard input
 * ends. The halting itself is covered by {@link ChildJvmTest}.
 */
class ParentWatchTest {

	@Test
	void returnsAtTheEndOfTheStreamAfterDiscardingWhatArrived() {
		ParentWatch.awaitEndOfStream(new ByteArrayInputStream(new byte[1000]));
	}

	@Test
	void returnsWhenReadingFails() {
		ParentWatch.awaitEndOfStream(new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("Broken pipe");
			}

		});
	}

	@Test
	void waitsWhileThePipeIsOpenAndReturnsOnceItIsClosed() throws IOException {
		Pipe pipe = Pipe.open();
		CompletableFuture<Void> watching = CompletableFuture
			.runAsync(() -> ParentWatch.awaitEndOfStream(Channels.newInputStream(pipe.source())));

		pipe.sink().write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
		assertThat(watching).isNotDone();
		pipe.sink().close();

		assertThat(watching).succeedsWithin(Duration.ofSeconds(5));
	}

	@Test
	void receivesThePrivateInputAndLeavesWhatFollowsToTheWatch() throws IOException {
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		PrivateInput.of("a=1".getBytes(StandardCharsets.UTF_8)).writeTo(written);
		written.write(new byte[] { 7, 7 });
		ByteArrayInputStream in = new ByteArrayInputStream(written.toByteArray());
		BlockingQueue<Object> received = new ArrayBlockingQueue<>(1);

		assertThat(ParentWatch.receivePrivateInput(in, received)).as("the stream goes on").isTrue();

		assertThat(received.poll()).isInstanceOf(byte[].class)
			.satisfies((bytes) -> assertThat((byte[]) bytes).asString(StandardCharsets.UTF_8).isEqualTo("a=1"));
		assertThat(in.available()).isEqualTo(2);
	}

	@Test
	void anInputThatEndsEarlyEndsTheWatchWithoutAnAnswer() {
		BlockingQueue<Object> received = new ArrayBlockingQueue<>(1);

		assertThat(ParentWatch.receivePrivateInput(new ByteArrayInputStream(new byte[] { 0, 0, 0, 100, 1, 2 }),
				received)).isFalse();
		assertThat(ParentWatch.receivePrivateInput(new ByteArrayInputStream(new byte[] { 0, 0 }), received)).isFalse();
		assertThat(received).isEmpty();
	}

	@Test
	void aLengthNoParentWritesIsRejectedWithoutAllocatingIt() {
		BlockingQueue<Object> received = new ArrayBlockingQueue<>(1);

		assertThat(ParentWatch.receivePrivateInput(new ByteArrayInputStream(new byte[] { 0x7f, -1, -1, -1 }), received))
			.as("the watch goes on")
			.isTrue();

		assertThat(received.poll()).isInstanceOf(IOException.class)
			.hasFieldOrPropertyWithValue("message",
					"standard input does not start with the length of a private input: 2147483647");
	}

	@Test
	void waitsForTheWholeInputAndEndsIfThePipeClosesMeanwhile() throws IOException {
		Pipe pipe = Pipe.open();
		BlockingQueue<Object> received = new ArrayBlockingQueue<>(1);
		CompletableFuture<Boolean> receiving = CompletableFuture
			.supplyAsync(() -> ParentWatch.receivePrivateInput(Channels.newInputStream(pipe.source()), received));

		pipe.sink().write(ByteBuffer.wrap(new byte[] { 0, 0, 0, 5, 1, 2 }));
		assertThat(receiving).isNotDone();
		pipe.sink().close();

		assertThat(receiving).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);
		assertThat(received).isEmpty();
	}

	@Test
	void anEndOfStreamIsNamedByWhatWasMissing() {
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> PrivateInput.readFrom(new ByteArrayInputStream(new byte[] { 0, 0, 0, 5, 1, 2 })))
			.withMessage("standard input ended after 2 of the 5 bytes of the private input");
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> PrivateInput.readFrom(new ByteArrayInputStream(new byte[] { 0 })))
			.withMessage("standard input ended before the length of the private input");
	}

}
