package io.xoscar.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

import io.xoscar.time.ActorClock;

/**
 * A clock that moves only when a test tells it to: give it to a system
 * ({@code ActorSystemConfig.builder().clock(clock)}, or
 * {@link ActorSystemExtension.Builder#manualClock()}) and {@link #advance(Duration) advance} it to
 * make call timeouts, delayed calls and slow-call and backlog alerts happen without waiting for them.
 * <p>
 * {@link #advance(Duration)} runs the tasks that became due on the thread that advances the clock,
 * in the order of their due time (tasks due at the same time in the order they were scheduled),
 * each seeing the clock at its own due time; the system's tasks are short and hand the real work to
 * its own threads, so what they start (a timed-out call failing, a delayed call being made)
 * completes shortly after {@code advance} returns. Slow-call and backlog alerts are raised by the
 * system's next check after the clock passed their threshold, within a few milliseconds of real
 * time; a call's running time counts from when it starts on a thread, so advance the clock once the
 * call runs (a latch in the actor tells), not right after sending it. Thread-safe.
 */
public final class ManualClock implements ActorClock {

	private final Instant start;

	private final PriorityQueue<Task> tasks = new PriorityQueue<>();

	private long nanos;

	private long sequence;

	/** Makes a clock that starts at the current instant of the machine. */
	public ManualClock() {
		this(Instant.now());
	}

	/**
	 * @param start the instant the clock shows before it is first advanced
	 */
	public ManualClock(Instant start) {
		this.start = Objects.requireNonNull(start, "start");
	}

	@Override
	public synchronized long nanoTime() {
		return this.nanos;
	}

	@Override
	public Instant instant() {
		return now();
	}

	/**
	 * @return the instant the clock shows: its start plus all it was advanced by
	 */
	public Instant now() {
		return this.start.plusNanos(nanoTime());
	}

	/**
	 * @return how long the clock has been advanced in all
	 */
	public Duration elapsed() {
		return Duration.ofNanos(nanoTime());
	}

	@Override
	public synchronized Scheduled schedule(Duration delay, Runnable task) {
		Objects.requireNonNull(task, "task");
		long due = this.nanos + Math.max(0, delay.toNanos());
		Task scheduled = new Task(due, this.sequence++, task);
		this.tasks.add(scheduled);
		return scheduled::cancel;
	}

	/**
	 * Moves the clock on and runs, in order, the tasks that became due; a task a running task
	 * schedules runs too if it is due by then.
	 * @param by how far, not negative
	 * @return this clock
	 */
	public ManualClock advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("a clock cannot go back, was asked to advance by " + by);
		}
		long target;
		synchronized (this) {
			target = this.nanos + by.toNanos();
		}
		Task next;
		while ((next = nextDue(target)) != null) {
			next.run();
		}
		synchronized (this) {
			this.nanos = Math.max(this.nanos, target);
		}
		return this;
	}

	/**
	 * @return the tasks scheduled and not yet run or cancelled
	 */
	public synchronized int pendingTasks() {
		this.tasks.removeIf(Task::cancelled);
		return this.tasks.size();
	}

	/**
	 * @return the delays, from now, of the tasks scheduled and not yet run or cancelled, soonest first
	 */
	public synchronized List<Duration> pendingDelays() {
		List<Duration> delays = new ArrayList<>();
		this.tasks.stream()
			.filter((task) -> !task.cancelled())
			.sorted()
			.forEach((task) -> delays.add(Duration.ofNanos(task.due - this.nanos)));
		return delays;
	}

	/** Takes the first task due by {@code target} and moves the clock to its due time. */
	private synchronized Task nextDue(long target) {
		Task head;
		while ((head = this.tasks.peek()) != null && head.due <= target) {
			this.tasks.poll();
			if (!head.cancelled()) {
				this.nanos = Math.max(this.nanos, head.due);
				return head;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "ManualClock[" + now() + ", " + pendingTasks() + " pending]";
	}

	/** A task waiting for its due time. */
	private static final class Task implements Comparable<Task> {

		private final long due;

		private final long order;

		private final Runnable run;

		private volatile boolean cancelled;

		Task(long due, long order, Runnable run) {
			this.due = due;
			this.order = order;
			this.run = run;
		}

		void cancel() {
			this.cancelled = true;
		}

		boolean cancelled() {
			return this.cancelled;
		}

		void run() {
			if (!this.cancelled) {
				this.run.run();
			}
		}

		@Override
		public int compareTo(Task other) {
			int byDue = Long.compare(this.due, other.due);
			return (byDue != 0) ? byDue : Long.compare(this.order, other.order);
		}

	}

}
