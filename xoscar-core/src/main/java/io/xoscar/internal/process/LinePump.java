package io.xoscar.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a child JVM on its own daemon thread until end of stream, handing each
 * line to a sink, so that the pipe never fills up and blocks the child. Lines end at {@code \n}
 * ({@code \r\n} too); a line longer than {@link #MAX_LINE_LENGTH} characters is handed over in
 * pieces. The bytes are decoded as UTF-8 (malformed input is replaced, never fatal).
 */
final class LinePump implements Runnable {

	static final int MAX_LINE_LENGTH = 8192;

	private static final Logger logger = LoggerFactory.getLogger(LinePump.class);

	private final InputStream in;

	private final Consumer<String> sink;

	private final CompletableFuture<Void> finished = new CompletableFuture<>();

	LinePump(InputStream in, Consumer<String> sink) {
		this.in = in;
		this.sink = sink;
	}

	/**
	 * Starts pumping on a new daemon thread.
	 * @param in the stream to read, closed at its end
	 * @param threadName the name of the thread
	 * @param sink receives each line; its failures are logged and do not stop the pump
	 * @return the running pump
	 */
	static LinePump start(InputStream in, String threadName, Consumer<String> sink) {
		LinePump pump = new LinePump(in, sink);
		Thread thread = new Thread(pump, threadName);
		thread.setDaemon(true);
		thread.start();
		return pump;
	}

	/**
	 * @return completes once the stream ended and every line was handed over; never fails
	 */
	CompletableFuture<Void> finished() {
		return this.finished.copy();
	}

	@Override
	public void run() {
		try (Reader reader = new InputStreamReader(this.in, StandardCharsets.UTF_8)) {
			char[] buffer = new char[4096];
			StringBuilder line = new StringBuilder();
			int count;
			while ((count = reader.read(buffer)) != -1) {
				for (int i = 0; i < count; i++) {
					char c = buffer[i];
					if (c == '\n') {
						emit(line);
					}
					else {
						line.append(c);
						if (line.length() >= MAX_LINE_LENGTH) {
							emit(line);
						}
					}
				}
			}
			if (line.length() > 0) {
				emit(line);
			}
		}
		catch (IOException ex) {
			logger.debug("Stopped reading the output of a child JVM", ex);
		}
		finally {
			this.finished.complete(null);
		}
	}

	private void emit(StringBuilder line) {
		int end = line.length();
		if (end > 0 && line.charAt(end - 1) == '\r') {
			end--;
		}
		String text = line.substring(0, end);
		line.setLength(0);
		try {
			this.sink.accept(text);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not handle a line of the output of a child JVM", ex);
		}
	}

}
