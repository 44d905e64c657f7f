package io.xoscar.benchmarks.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a Spring child's start time went, one row per start: the steps of {@link ChildClock.Timings}
 * between the moment the parent asked for the child (a kill, or {@code addPools}) and the first
 * answered call, printed per start and as medians at the end of a trial (JMH shows a fork's output).
 */
final class StartPhases {

	private static final String[] NAMES = { "until JVM start", "JVM to run()", "to context prepared",
			"bean factory post-processing", "to node bean", "node bean", "rest of refresh", "refreshed to ready", "ready to actor created",
			"actor to answer" };

	private final String origin;

	private final List<long[]> rows = new ArrayList<>();

	/**
	 * @param origin what the first phase starts from (e.g. {@code kill})
	 */
	StartPhases(String origin) {
		this.origin = origin;
	}

	void add(long askedAt, ChildClock.Timings child, long answeredAt) {
		long[] row = { child.jvmStarted() - askedAt, child.starting() - child.jvmStarted(),
				child.contextPrepared() - child.starting(), child.postProcessorsRegistering() - child.contextPrepared(),
				child.nodeCreating() - child.postProcessorsRegistering(),
				child.nodeCreated() - child.nodeCreating(), child.started() - child.nodeCreated(),
				child.ready() - child.started(), child.actorCreated() - child.ready(), answeredAt - child.actorCreated() };
		this.rows.add(row);
		System.out.println(format("" + (answeredAt - askedAt), row));
	}

	void printMedians() {
		if (this.rows.isEmpty()) {
			return;
		}
		long[] medians = new long[NAMES.length];
		for (int i = 0; i < NAMES.length; i++) {
			int phase = i;
			long[] values = this.rows.stream().mapToLong((row) -> row[phase]).sorted().toArray();
			int middle = values.length / 2;
			medians[i] = (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
		}
		System.out.println("medians of " + this.rows.size() + " starts (ms), from " + this.origin + ": "
				+ format("", medians));
	}

	private static String format(String total, long[] row) {
		StringBuilder text = new StringBuilder(total.isEmpty() ? "" : total + " ms: ");
		for (int i = 0; i < NAMES.length; i++) {
			text.append(i > 0 ? ", " : "").append(NAMES[i]).append(' ').append(row[i]);
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return this.origin + " " + Arrays.deepToString(this.rows.toArray());
	}

}
