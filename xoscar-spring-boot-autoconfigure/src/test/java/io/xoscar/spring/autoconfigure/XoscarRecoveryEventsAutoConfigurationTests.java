package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.recovery.RecoveryEvent;
import io.xoscar.spring.autoconfigure.testfixture.RecoveryEventRecorder;
import io.xoscar.spring.event.ActorGaveUpEvent;
import io.xoscar.spring.event.ActorRestartedEvent;
import io.xoscar.spring.event.PoolDownEvent;
import io.xoscar.spring.event.PoolGaveUpEvent;
import io.xoscar.spring.event.PoolRestartedEvent;
import io.xoscar.spring.event.PoolRestartingEvent;
import io.xoscar.spring.event.XoscarRecoveryEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What recovery tells the node's listeners reaches the application's listeners as one event per
 * kind, with the node as source, also past a listener that throws; and the back-off. (A real
 * process pool killed and restarted, heard through the registered listener:
 * {@code ProcessPoolRecoveryTests}.)
 */
class XoscarRecoveryEventsAutoConfigurationTests {

	private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

	private static final RecoveryEvent.PoolDown DOWN = new RecoveryEvent.PoolDown(AT, 1, "gpu", "127.0.0.1:4001",
			4242, "was killed by signal 9 (SIGKILL), exit code 137", true);

	private static final RecoveryEvent.PoolRestarting RESTARTING = new RecoveryEvent.PoolRestarting(AT, 1, "gpu",
			"127.0.0.1:4001", 1, Duration.ZERO);

	private static final RecoveryEvent.PoolRestarted RESTARTED = new RecoveryEvent.PoolRestarted(AT, 1, "gpu",
			"127.0.0.1:4001", 4343, 1, Duration.ofMillis(2500), 1);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarRecoveryEventsAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1")
		.withBean(RecoveryEventRecorder.class);

	@Test
	void publishesOneEventPerKindWithTheNodeAsSource() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RecoveryEventRegistrar.class);
			ActorSystem system = context.getBean(ActorSystem.class);
			RecoveryEventPublisher publisher = openPublisher(system, context);
			RecoveryEvent.PoolGaveUp gaveUp = new RecoveryEvent.PoolGaveUp(AT, 1, "gpu", "127.0.0.1:4001", 5,
					"exited with code 1: java.lang.OutOfMemoryError");
			RecoveryEvent.ActorRestarted actorRestarted = new RecoveryEvent.ActorRestarted(AT, "counter",
					"com.example.Counter", system.address(), 1, "java.lang.IllegalStateException: broken");
			RecoveryEvent.ActorGaveUp actorGaveUp = new RecoveryEvent.ActorGaveUp(AT, "counter", "com.example.Counter",
					system.address(), 5, "java.lang.IllegalStateException: broken");
			for (RecoveryEvent event : List.of(DOWN, RESTARTING, RESTARTED, gaveUp, actorRestarted, actorGaveUp)) {
				publisher.onRecoveryEvent(event);
			}

			List<XoscarRecoveryEvent> events = context.getBean(RecoveryEventRecorder.class).events();
			assertThat(events).extracting(Object::getClass)
				.containsExactly(PoolDownEvent.class, PoolRestartingEvent.class, PoolRestartedEvent.class,
						PoolGaveUpEvent.class, ActorRestartedEvent.class, ActorGaveUpEvent.class);
			assertThat(events).extracting(XoscarRecoveryEvent::getRecoveryEvent)
				.containsExactly(DOWN, RESTARTING, RESTARTED, gaveUp, actorRestarted, actorGaveUp);
			assertThat(events).allSatisfy((event) -> {
				assertThat(event.getActorSystem()).isSameAs(system);
				assertThat(event.getSource()).isSameAs(system);
			});
			PoolRestartedEvent restarted = (PoolRestartedEvent) events.get(2);
			assertThat(restarted.getRecoveryEvent().took()).isEqualTo(Duration.ofMillis(2500));
			assertThat(restarted).hasToString("PoolRestartedEvent[" + RESTARTED + "]");
		});
	}

	@Test
	void aListenerThatThrowsDoesNotStopTheEventsAfterIt() {
		this.runner.withBean(ThrowingListener.class).run((context) -> {
			RecoveryEventPublisher publisher = openPublisher(context.getBean(ActorSystem.class), context);
			publisher.onRecoveryEvent(DOWN);
			publisher.onRecoveryEvent(RESTARTING);
			publisher.onRecoveryEvent(RESTARTED);
			assertThat(context.getBean(ThrowingListener.class).calls).hasValue(3);
			assertThat(context.getBean(RecoveryEventRecorder.class).events()).extracting(Object::getClass)
				.containsExactly(PoolDownEvent.class, PoolRestartingEvent.class, PoolRestartedEvent.class);
		});
	}

	@Test
	void backsOffWhenXoscarIsDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RecoveryEventRegistrar.class);
		});
	}

	@Test
	void backsOffInAProcessPoolsChild() {
		// a pool's recovery is its parent's, whose context publishes it
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(XoscarRecoveryEventsAutoConfiguration.class))
			.withBean(ProcessPoolRole.class, () -> new ProcessPoolRole(null))
			.withBean(ActorSystem.class, () -> ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RecoveryEventRegistrar.class);
			});
	}

	/** A publisher of the node, as the registrar adds one, into the refreshed context. */
	private static RecoveryEventPublisher openPublisher(ActorSystem system, ApplicationContext context) {
		DebugEventGate gate = new DebugEventGate(context, 10, "recovery", "see the pools");
		gate.open();
		return new RecoveryEventPublisher(system, gate);
	}

	/** Throws on every recovery event; heard after the recorder, so that the recorder hears them all. */
	static class ThrowingListener {

		final AtomicInteger calls = new AtomicInteger();

		@EventListener
		@Order(Ordered.LOWEST_PRECEDENCE)
		void on(XoscarRecoveryEvent event) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("listener broken on " + event);
		}

	}

}
