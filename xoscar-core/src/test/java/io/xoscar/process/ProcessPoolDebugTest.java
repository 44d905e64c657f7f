package io.xoscar.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.RecordingListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.exception.DeadlockException;
import io.xoscar.process.ProcessPoolTest.Probe;

import static io.xoscar.debug.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a process pool (a child JVM) detects reaches its parent node: deadlocks closed in the child
 * and slow calls running there are listed, counted and heard in the parent, under the pool's index.
 */
class ProcessPoolDebugTest {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	private static final RecordingListener listener = new RecordingListener();

	private static ActorSystem system;

	@BeforeAll
	static void start() {
		system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.pool(PoolConfig.process("child").threads(2))
			.slowCallThreshold(Duration.ofSeconds(1))
			.debugListener(listener)
			.build());
	}

	@AfterAll
	static void stop() {
		system.close();
	}

	public static class Sleeper extends Actor {

		public String sleep(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept in " + ProcessHandle.current().pid();
		}

	}

	@Test
	void aDeadlockClosedInAProcessPoolIsReportedToTheParent() throws Exception {
		ActorHandle<Probe> a = system.createActor(Probe.class, CreateOptions.uid("child-a").placement(Placement.pool(1)))
			.join();
		ActorHandle<Probe> b = system.createActor(Probe.class, CreateOptions.uid("main-b")).join();
		// the child connects to this node on first use: measure the detection, not the connect
		assertThat(a.method("ask").<String>call(b)).isEqualTo(b.address());
		long started = System.nanoTime();
		assertThatThrownBy(() -> a.method("relayVia").send(b, a).get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		DeadlockReport report = next(listener.deadlocks, (found) -> found.address().equals(a.address()), WITHIN);
		assertThat(report.pool()).isEqualTo(1);
		assertThat(report.cycle()).extracting(DeadlockReport.Step::uid).containsExactly("child-a", "main-b", "child-a");
		assertThat(system.deadlocks()).contains(report);
	}

	@Test
	void aDeadlockThroughAProcessPoolClosedHereIsReportedHere() throws Exception {
		ActorHandle<Probe> a = system.createActor(Probe.class, CreateOptions.uid("main-a")).join();
		ActorHandle<Probe> b = system.createActor(Probe.class, CreateOptions.uid("child-b").placement(Placement.pool(1)))
			.join();
		assertThatThrownBy(() -> a.method("relayVia").send(b, a).get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class);
		DeadlockReport report = next(listener.deadlocks, (found) -> found.address().equals(a.address()), WITHIN);
		assertThat(report.pool()).isEqualTo(0);
		assertThat(report.cycle()).extracting(DeadlockReport.Step::uid).containsExactly("main-a", "child-b", "main-a");
	}

	@Test
	void aSlowCallInAProcessPoolIsReportedToTheParentWithTheChildsStack() throws Exception {
		ActorHandle<Sleeper> sleeper = system
			.createActor(Sleeper.class, CreateOptions.uid("child-sleeper").placement(Placement.pool(1)))
			.join();
		String answer = sleeper.method("sleep").<String>send(1200L).get(10, TimeUnit.SECONDS);
		SlowCallAlert alert = next(listener.raised, (raised) -> raised.uid().equals("child-sleeper"), WITHIN);
		assertThat(alert.pool()).isEqualTo(1);
		assertThat(alert.address()).isEqualTo(sleeper.address());
		assertThat(alert.threshold()).isEqualTo(Duration.ofSeconds(1));
		assertThat(alert.stack()).anyMatch((frame) -> frame.contains(Sleeper.class.getName() + ".sleep("));
		assertThat(alert.caller()).isEqualTo("thread " + Thread.currentThread().getName() + " of node " + system.address());
		assertThat(answer).doesNotEndWith(" " + ProcessHandle.current().pid());
		SlowCallAlert ended = next(listener.ended, (done) -> done.id() == alert.id(), WITHIN);
		assertThat(ended.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1190));
		assertThat(system.slowCalls()).contains(ended);
	}

}
