package io.xoscar.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The recorder finds what arrived before or while a test waits, and fails with what it has when the
 * bound passes.
 */
class DebugEventRecorderTest {

	private final DebugEventRecorder recorder = new DebugEventRecorder();

	@Test
	void findsAReportThatArrivedBeforeTheWait() {
		this.recorder.onDeadlock(report(1));
		assertThat(this.recorder.awaitDeadlock(Duration.ofMillis(10)).id()).isEqualTo(1);
	}

	@Test
	void wakesWhenAMatchingReportArrives() {
		CompletableFuture.runAsync(() -> {
			this.recorder.onDeadlock(report(1));
			this.recorder.onDeadlock(report(2));
		}, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		assertThat(this.recorder.awaitDeadlock((report) -> report.id() == 2, Duration.ofSeconds(10)).id()).isEqualTo(2);
		assertThat(this.recorder.awaitDeadlocks(2, Duration.ofSeconds(10))).extracting(DeadlockReport::id)
			.containsExactly(1L, 2L);
	}

	@Test
	void failsWithWhatItHasWhenNothingMatchesInTime() {
		this.recorder.onSlowCall(alert(7, null));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAlert((alert) -> alert.id() == 8, Duration.ofMillis(50)))
			.withMessageContaining("no matching slow-call or backlog alert arrived within PT0.05S")
			.withMessageContaining("id=7");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAlertsEnded(1, Duration.ofMillis(50)))
			.withMessageContaining("expected 1 ended alerts within PT0.05S, got 0");
	}

	@Test
	void keepsRaisedAndEndedAlertsApartAndForgetsOnClear() {
		this.recorder.onSlowCall(alert(1, null));
		this.recorder.onSlowCallEnded(alert(1, Duration.ofSeconds(3)));
		assertThat(this.recorder.alerts()).singleElement().matches((alert) -> !alert.ended());
		assertThat(this.recorder.awaitAlertEnded((alert) -> alert.id() == 1, Duration.ofMillis(10)).duration())
			.isEqualTo(Duration.ofSeconds(3));
		this.recorder.clear();
		assertThat(this.recorder.alerts()).isEmpty();
		assertThat(this.recorder.endedAlerts()).isEmpty();
		assertThat(this.recorder.deadlocks()).isEmpty();
	}

	private static DeadlockReport report(long id) {
		return new DeadlockReport(id, Instant.EPOCH, DeadlockReport.Detection.CALL_CHAIN, List.of(), "cycle", 0,
				"127.0.0.1:1", List.of());
	}

	private static SlowCallAlert alert(long id, Duration duration) {
		return new SlowCallAlert(id, SlowCallAlert.Kind.SLOW_CALL, Instant.EPOCH, 0, "127.0.0.1:1", "a", "x.A", "m",
				"outside", Duration.ofSeconds(2), Duration.ofSeconds(1), 0, "running", null, List.of(), duration);
	}

}
