package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.DebugListener;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.exception.DeadlockException;
import io.xoscar.spring.autoconfigure.testfixture.DebugEventRecorder;
import io.xoscar.spring.autoconfigure.testfixture.Holder;
import io.xoscar.spring.event.DeadlockDetectedEvent;
import io.xoscar.spring.event.SlowCallEndedEvent;
import io.xoscar.spring.event.SlowCallEvent;
import io.xoscar.spring.event.XoscarDebugEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Deadlocks and slow calls of a real node reach the application's listeners as events, also those
 * detected while the context starts, also from an application's own node; and the back-off.
 */
class XoscarDebugEventsAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarDebugEventsAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=1",
				"xoscar.debug.slow-call-threshold=200ms")
		.withBean(DebugEventRecorder.class);

	@Test
	void publishesADeadlock() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			DebugEventRecorder recorder = context.getBean(DebugEventRecorder.class);
			ActorHandle<Holder> looper = looper(system, "looper");
			assertThatThrownBy(() -> looper.method("callSelf").send().get(WAIT.toSeconds(), TimeUnit.SECONDS))
				.hasCauseInstanceOf(DeadlockException.class);

			await().atMost(WAIT).until(() -> !recorder.of(DeadlockDetectedEvent.class).isEmpty());
			DeadlockDetectedEvent event = recorder.of(DeadlockDetectedEvent.class).get(0);
			assertThat(event.getActorSystem()).isSameAs(system);
			assertThat(event.getSource()).isSameAs(system);
			DeadlockReport report = event.getReport();
			assertThat(report).isEqualTo(system.deadlocks().get(0));
			assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.CALL_CHAIN);
			assertThat(report.cycle()).extracting(DeadlockReport.Step::uid).containsExactly("looper", "looper");
			assertThat(report.cycle()).extracting(DeadlockReport.Step::method).containsExactly("callSelf", "ping");
			assertThat(report.pool()).isEqualTo(1);
		});
	}

	@Test
	void publishesASlowCallWhileItRunsThenWhenItEnds() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			DebugEventRecorder recorder = context.getBean(DebugEventRecorder.class);
			ActorHandle<Holder> looper = looper(system, "slow");
			CountDownLatch entered = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<String> held = looper.method("hold").send(entered, release);
			try {
				assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
				await().atMost(WAIT).until(() -> !recorder.of(SlowCallEvent.class).isEmpty());
				SlowCallAlert raised = recorder.of(SlowCallEvent.class).get(0).getAlert();
				assertThat(raised.kind()).isEqualTo(SlowCallAlert.Kind.SLOW_CALL);
				assertThat(raised.uid()).isEqualTo("slow");
				assertThat(raised.method()).isEqualTo("hold");
				assertThat(raised.ended()).isFalse();
				assertThat(raised.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
				assertThat(raised.stack()).anyMatch((frame) -> frame.contains(Holder.class.getName() + ".hold"));
				assertThat(recorder.of(SlowCallEndedEvent.class)).as("still running").isEmpty();
			}
			finally {
				release.countDown();
			}
			assertThat(held.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("released");

			await().atMost(WAIT).until(() -> !recorder.of(SlowCallEndedEvent.class).isEmpty());
			SlowCallEndedEvent ended = recorder.of(SlowCallEndedEvent.class).get(0);
			assertThat(ended.getActorSystem()).isSameAs(system);
			assertThat(ended.getAlert().id()).isEqualTo(recorder.of(SlowCallEvent.class).get(0).getAlert().id());
			assertThat(ended.getAlert().duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
			assertThat(recorder.events().indexOf(ended))
				.isGreaterThan(recorder.events().indexOf(recorder.of(SlowCallEvent.class).get(0)));
		});
	}

	@Test
	void publishesWhatTheNodeDetectsWhileTheContextStartsOnceItIsRefreshed() {
		this.runner.withBean(DeadlockAtStartup.class).run((context) -> {
			DeadlockAtStartup startup = context.getBean(DeadlockAtStartup.class);
			assertThat(startup.publishedBeforeRefresh).as("held until the refresh").isEmpty();
			DebugEventRecorder recorder = context.getBean(DebugEventRecorder.class);
			await().atMost(WAIT).until(() -> !recorder.of(DeadlockDetectedEvent.class).isEmpty());
			assertThat(recorder.of(DeadlockDetectedEvent.class).get(0).getReport().cycle())
				.extracting(DeadlockReport.Step::uid)
				.containsExactly("starter", "starter");
		});
	}

	@Test
	void publishesFromAnApplicationsOwnActorSystemAndStopsWhenTheContextCloses() throws Exception {
		ActorSystem own = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());
		try {
			ActorHandle<Holder> ownHolder = looper(own, "own");
			DebugEventRecorder[] recorder = new DebugEventRecorder[1];
			// without the starter's node, whose lifecycle would shut the application's node down
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(XoscarDebugEventsAutoConfiguration.class))
				.withBean(DebugEventRecorder.class)
				.withBean("ownActorSystem", ActorSystem.class, () -> own, (definition) -> {
					// the application closes it itself, later
					definition.setDestroyMethodName("");
				})
				.run((context) -> {
				assertThat(context).hasSingleBean(ActorSystem.class);
				recorder[0] = context.getBean(DebugEventRecorder.class);
				assertThatThrownBy(() -> ownHolder.method("callSelf").send().get(WAIT.toSeconds(), TimeUnit.SECONDS))
					.hasCauseInstanceOf(DeadlockException.class);
				await().atMost(WAIT).until(() -> recorder[0].of(DeadlockDetectedEvent.class).size() == 1);
				assertThat(recorder[0].events().get(0).getActorSystem()).isSameAs(own);
			});

			// listeners are called in the order they were added: once this one hears of the deadlock,
			// the context's would have too, had it not been removed
			CountDownLatch heard = new CountDownLatch(1);
			own.addDebugListener(new DebugListener() {
				@Override
				public void onDeadlock(DeadlockReport report) {
					heard.countDown();
				}
			});
			assertThatThrownBy(() -> ownHolder.method("callSelf").send().get(WAIT.toSeconds(), TimeUnit.SECONDS))
				.hasCauseInstanceOf(DeadlockException.class);
			assertThat(heard.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(recorder[0].events()).hasSize(1);
		}
		finally {
			own.close();
		}
	}

	@Test
	void backsOffWhenXoscarIsDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DebugEventRegistrar.class);
		});
	}

	@Test
	void backsOffInAProcessPoolsChild() {
		// the parent's context publishes what a child detects
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(XoscarDebugEventsAutoConfiguration.class))
			.withBean(ProcessPoolRole.class, () -> new ProcessPoolRole(null))
			.withBean(ActorSystem.class, () -> ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(DebugEventRegistrar.class);
			});
	}

	private static ActorHandle<Holder> looper(ActorSystem system, String uid) {
		return system.createActor(Holder.class, CreateOptions.uid(uid).placement(Placement.pool(
				system.pools().size() > 1 ? 1 : 0))).join();
	}

	/**
	 * A bean that makes a deadlock while the context starts, and makes sure the node has handed it
	 * to the context's listener before it goes on.
	 */
	static class DeadlockAtStartup {

		final List<XoscarDebugEvent> publishedBeforeRefresh;

		DeadlockAtStartup(ActorSystem system, DebugEventRecorder recorder) throws InterruptedException {
			CountDownLatch heard = new CountDownLatch(1);
			Runnable removal = system.addDebugListener(new DebugListener() {
				@Override
				public void onDeadlock(DeadlockReport report) {
					heard.countDown();
				}
			});
			assertThatThrownBy(() -> looper(system, "starter").method("callSelf").send().get(WAIT.toSeconds(),
					TimeUnit.SECONDS))
				.hasCauseInstanceOf(DeadlockException.class);
			assertThat(heard.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			removal.run();
			this.publishedBeforeRefresh = List.copyOf(recorder.events());
		}

	}

}
