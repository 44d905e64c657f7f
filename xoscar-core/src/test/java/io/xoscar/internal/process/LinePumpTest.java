package io.xoscar.internal.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinePumpTest {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	@Test
	void splitsLinesOnNewlinesAndCarriageReturnNewlines() {
		pump(bytes("one\ntwo\r\n\nlast without newline"));

		assertThat(this.lines).containsExactly("one", "two", "", "last without newline");
	}

	@Test
	void splitsOverlongLines() {
		String longLine = "x".repeat(LinePump.MAX_LINE_LENGTH + 10);

		pump(bytes(longLine + "\nnext\n"));

		assertThat(this.lines).containsExactly("x".repeat(LinePump.MAX_LINE_LENGTH), "x".repeat(10), "next");
	}

	@Test
	void decodesUtf8AndReplacesMalformedBytes() {
		byte[] malformed = { 'a', (byte) 0xC3, '\n', (byte) 0xC3, (byte) 0xA9, '\n' };

		pump(new ByteArrayInputStream(malformed));

		assertThat(this.lines).containsExactly("a\uFFFD", "\u00E9");
	}

	@Test
	void keepsPumpingWhenTheSinkFails() {
		LinePump pump = LinePump.start(bytes("bad\ngood\n"), "test-pump", (line) -> {
			if (line.equals("bad")) {
				throw new IllegalStateException("sink failure");
			}
			this.lines.add(line);
		});

		assertThat(pump.finished()).succeedsWithin(Duration.ofSeconds(5));
		assertThat(this.lines).containsExactly("good");
	}

	@Test
	void finishesWhenReadingFails() {
		InputStream failing = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("Stream closed");
			}

		};

		pump(failing);

		assertThat(this.lines).isEmpty();
	}

	private void pump(InputStream in) {
		LinePump pump = LinePump.start(in, "test-pump", this.lines::add);
		assertThat(pump.finished()).succeedsWithin(Duration.ofSeconds(5));
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
