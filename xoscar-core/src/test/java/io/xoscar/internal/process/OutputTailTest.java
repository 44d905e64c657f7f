package io.xoscar.internal.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputTailTest {

	@Test
	void keepsTheLastLines() {
		OutputTail tail = new OutputTail("stderr", 2);
		tail.add("one");
		tail.add("two");
		tail.add("three");

		assertThat(tail.lines()).containsExactly("two", "three");
		assertThat(tail.total()).isEqualTo(3);
		StringBuilder message = new StringBuilder("failed");
		tail.describeTo(message);
		assertThat(message).hasToString("failed\nlast 2 of 3 lines of stderr:\n    two\n    three");
	}

	@Test
	void describesAllLinesWhenNoneWereDropped() {
		OutputTail tail = new OutputTail("stdout", 5);
		tail.add("only");

		StringBuilder message = new StringBuilder();
		tail.describeTo(message);
		assertThat(message).hasToString("\nlast 1 line of stdout:\n    only");
	}

	@Test
	void describesAnEmptyStream() {
		StringBuilder message = new StringBuilder();
		new OutputTail("stdout", 5).describeTo(message);

		assertThat(message).hasToString("\n(nothing on stdout)");
	}

	@Test
	void truncatesLongLines() {
		OutputTail tail = new OutputTail("stdout", 5);
		tail.add("y".repeat(OutputTail.MAX_LINE_LENGTH + 1));

		assertThat(tail.lines().get(0)).hasSize(OutputTail.MAX_LINE_LENGTH + "[...]".length()).endsWith("y[...]");
	}

}
