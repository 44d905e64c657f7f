package io.xoscar.internal.process;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines of one output stream of a child JVM, kept to explain a failed start. Bounded in
 * lines and in line length; thread-safe.
 */
final class OutputTail {

	static final int MAX_LINE_LENGTH = 1000;

	private final String streamName;

	private final int capacity;

	private final ArrayDeque<String> lines;

	private long total;

	OutputTail(String streamName, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive, not " + capacity);
		}
		this.streamName = streamName;
		this.capacity = capacity;
		this.lines = new ArrayDeque<>(capacity);
	}

	synchronized void add(String line) {
		if (this.lines.size() == this.capacity) {
			this.lines.removeFirst();
		}
		this.lines.addLast((line.length() > MAX_LINE_LENGTH) ? line.substring(0, MAX_LINE_LENGTH) + "[...]" : line);
		this.total++;
	}

	synchronized List<String> lines() {
		return List.copyOf(this.lines);
	}

	synchronized long total() {
		return this.total;
	}

	/**
	 * Appends a section such as {@code "last 2 of 7 lines of stderr:"} followed by the indented lines.
	 * @param message where to append
	 */
	synchronized void describeTo(StringBuilder message) {
		message.append('\n');
		if (this.lines.isEmpty()) {
			message.append("(nothing on ").append(this.streamName).append(')');
			return;
		}
		message.append("last ");
		if (this.total > this.lines.size()) {
			message.append(this.lines.size()).append(" of ");
		}
		message.append(this.total).append((this.total == 1) ? " line" : " lines")
			.append(" of ").append(this.streamName).append(':');
		for (String line : this.lines) {
			message.append("\n    ").append(line);
		}
	}

}
