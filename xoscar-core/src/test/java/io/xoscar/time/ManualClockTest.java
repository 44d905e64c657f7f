package io.xoscar.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.exception.CallTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A system given its own clock: call deadlines and delayed calls wait for the clock, not for real time.
 */
class ManualClockTest {

	/** A clock that moves only when told; due tasks run on the thread that moves it. */
	static final class SteppedClock implements ActorClock {

		private record Task(long due, Runnable run, boolean[] cancelled) {
		}

		private long now;

		private final List<Task> tasks = new ArrayList<>();

		@Override
		public synchronized long nanoTime() {
			return this.now;
		}

		@Override
		public Instant instant() {
			return Instant.EPOCH.plusNanos(nanoTime());
		}

		@Override
		public synchronized Scheduled schedule(Duration delay, Runnable task) {
			boolean[] cancelled = new boolean[1];
			this.tasks.add(new Task(this.now + delay.toNanos(), task, cancelled));
			return () -> {
				synchronized (this) {
					cancelled[0] = true;
				}
			};
		}

		void advance(Duration by) {
			List<Task> due = new ArrayList<>();
			synchronized (this) {
				this.now += by.toNanos();
				this.tasks.removeIf((task) -> task.due <= this.now && due.add(task));
			}
			for (Task task : due) {
				if (!task.cancelled[0]) {
					task.run.run();
				}
			}
		}

	}

	public static class Waiter extends Actor {

		static volatile CountDownLatch release;

		static volatile CountDownLatch pinged;

		public String hold() throws InterruptedException {
			release.await(30, TimeUnit.SECONDS);
			return "released";
		}

		public void ping() {
			pinged.countDown();
		}

	}

	private final SteppedClock clock = new SteppedClock();

	ManualClockTest() {
		Waiter.release = new CountDownLatch(1);
		Waiter.pinged = new CountDownLatch(1);
	}

	private final ActorSystem system = ActorSystem
		.create(ActorSystemConfig.builder().mainPoolThreads(2).clock(this.clock).build());

	@AfterEach
	void close() {
		Waiter.release.countDown();
		this.system.close();
	}

	@Test
	void aCallTimesOutWhenTheClockPassesItsTimeoutNotBefore() throws Exception {
		ActorHandle<Waiter> waiter = this.system.createActor(Waiter.class).join();
		CompletableFuture<Object> held = waiter.method("hold").withTimeout(Duration.ofMinutes(10)).send();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(held).isNotDone();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(held).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CallTimeoutException.class)
			.withMessageContaining("did not complete within PT10M");
	}

	@Test
	void aDelayedCallIsMadeWhenTheClockReachesIt() throws Exception {
		ActorHandle<Waiter> waiter = this.system.createActor(Waiter.class).join();
		CompletableFuture<Void> told = waiter.method("ping").tellDelay(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(told).isNotDone();
		assertThat(Waiter.pinged.getCount()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(Waiter.pinged.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(told).succeedsWithin(Duration.ofSeconds(5));
	}

}
