package io.xoscar.internal.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
