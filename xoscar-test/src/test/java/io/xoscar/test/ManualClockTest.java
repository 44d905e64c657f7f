package io.xoscar.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xoscar.time.ActorClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The manual clock moves only when advanced and runs what became due, in order, at its due time.
 */
class ManualClockTest {

	private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void showsItsStartUntilAdvanced() {
		assertThat(this.clock.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(this.clock.nanoTime()).isZero();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void runsDueTasksInOrderOfDueTimeEachAtItsTime() {
		List<String> ran = new ArrayList<>();
		this.clock.schedule(Duration.ofSeconds(3), () -> ran.add("3s at " + this.clock.elapsed()));
		this.clock.schedule(Duration.ofSeconds(1), () -> ran.add("1s at " + this.clock.elapsed()));
		this.clock.schedule(Duration.ofSeconds(1), () -> ran.add("1s again"));
		this.clock.schedule(Duration.ofSeconds(10), () -> ran.add("10s"));
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(ran).containsExactly("1s at PT1S", "1s again", "3s at PT3S");
		assertThat(this.clock.pendingDelays()).containsExactly(Duration.ofSeconds(5));
	}

	@Test
	void runsWhatADueTaskSchedulesWhenItIsDueWithinTheSameAdvance() {
		List<String> ran = new ArrayList<>();
		this.clock.schedule(Duration.ofSeconds(1),
				() -> this.clock.schedule(Duration.ofSeconds(1), () -> ran.add("then at " + this.clock.elapsed())));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(ran).containsExactly("then at PT2S");
	}

	@Test
	void aCancelledTaskDoesNotRun() {
		List<String> ran = new ArrayList<>();
		ActorClock.Scheduled scheduled = this.clock.schedule(Duration.ofSeconds(1), () -> ran.add("ran"));
		scheduled.cancel();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(ran).isEmpty();
		assertThat(this.clock.pendingTasks()).isZero();
	}

	@Test
	void cannotGoBack() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.clock.advance(Duration.ofSeconds(-1)))
			.withMessageContaining("cannot go back");
	}

}
