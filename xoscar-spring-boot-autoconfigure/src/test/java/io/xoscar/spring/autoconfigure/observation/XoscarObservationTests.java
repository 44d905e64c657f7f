package io.xoscar.spring.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls are observed with Boot's {@link ObservationRegistry}, and
 * {@code management.observations.enable.xoscar} switches that off.
 */
class XoscarObservationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarObservationAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1");

	private final ApplicationContextRunner withBootsRegistry = this.runner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
		.withBean(RecordingObservationHandler.class, RecordingObservationHandler::new);

	public static class Echo extends Actor {

		public String echo(String text) {
			return text;
		}

	}

	@Test
	void callsAreObservedWithBootsRegistry() {
		this.withBootsRegistry.run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			assertThat(context.getBean(ActorSystemConfig.class).observability().observationRegistry()).isSameAs(registry);
			assertThat(echo(context.getBean(ActorSystem.class)).method("echo").<String>call("hi")).isEqualTo("hi");
			RecordingObservationHandler handler = context.getBean(RecordingObservationHandler.class);
			await().until(() -> handler.stopped().size() == 2);
			assertThat(handler.stopped()).containsExactlyInAnyOrder("xoscar.call.client", "xoscar.call.server");
		});
	}

	@Test
	void managementObservationsEnableXoscarFalseTurnsThemOff() {
		this.withBootsRegistry.withPropertyValues("management.observations.enable.xoscar=false").run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			ActorHandle<Echo> echo = echo(context.getBean(ActorSystem.class));
			assertThat(echo.method("echo").<String>call("hi")).isEqualTo("hi");
			assertThat(echo.method("echo").<String>send("there").join()).isEqualTo("there");
			echo.method("echo").tell("!").join();
			// an observation of another name still is: the handler works, only xoscar's are off
			Observation.createNotStarted("other", registry).observe(() -> {
			});
			assertThat(context.getBean(RecordingObservationHandler.class).stopped()).containsExactly("other");
		});
	}

	private static ActorHandle<Echo> echo(ActorSystem system) {
		return system.createActor(Echo.class, CreateOptions.uid("echo")).join();
	}

}
