package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.exception.PoolDownException;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The node's lifecycle in the context: stop and start round-trip (references stay valid, actors and
 * their state stay, nothing is created twice), and a close shuts it down by the shutdown phase's
 * timeout, one deadline for the whole shutdown.
 */
class XoscarLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=2")
		.withUserConfiguration(Application.class, Sleeper.class);

	@XActor("sleeper")
	public static class Sleeper extends Actor {

		private int calls;

		public int count() {
			return ++this.calls;
		}

		public String sleep(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

	}

	public interface SleeperApi {

		int count();

	}

	static class Service {

		final SleeperApi sleeper;

		Service(SleeperApi sleeper) {
			this.sleeper = sleeper;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Application {

		@Bean
		Service service(@ActorRef("sleeper") SleeperApi sleeper) {
			return new Service(sleeper);
		}

	}

	@Test
	void stopAndStartRoundTripWithTheSameNodeActorsAndReferences() {
		this.runner.run((context) -> {
			ConfigurableApplicationContext configurable = (ConfigurableApplicationContext) context;
			SleeperApi sleeper = context.getBean(Service.class).sleeper;
			ActorSystem system = context.getBean(ActorSystem.class);
			String address = system.address();
			assertThat(sleeper.count()).isEqualTo(1);
			configurable.stop();
			configurable.start();
			assertThat(sleeper.count()).isEqualTo(2);
			assertThat(system.address()).isEqualTo(address);
			assertThat(system.actors().join()).extracting(ActorSystem.ActorInfo::uid).containsExactly("sleeper");
			configurable.stop();
			configurable.start();
			assertThat(sleeper.count()).isEqualTo(3);
		});
	}

	@Test
	void aStartAfterAStopCreatesTheXActorsThatAreGone() {
		this.runner.run((context) -> {
			ConfigurableApplicationContext configurable = (ConfigurableApplicationContext) context;
			SleeperApi sleeper = context.getBean(Service.class).sleeper;
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(sleeper.count()).isEqualTo(1);
			configurable.stop();
			system.destroyActor(system.handle(system.address(), "sleeper", Sleeper.class)).join();
			configurable.start();
			assertThat(sleeper.count()).as("a new actor behind the same proxy").isEqualTo(1);
		});
	}

	@Test
	void aCloseShutsTheNodeDownByTheShutdownPhaseTimeout() {
		this.runner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=2s").run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			ActorHandle<Sleeper> sleeper = system.handle(system.address(), "sleeper", Sleeper.class);
			CompletableFuture<String> running = sleeper.method("sleep").send(10_000L);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> system.actors().join().stream().anyMatch((actor) -> !actor.inFlight().isEmpty()));
			long started = System.nanoTime();
			((ConfigurableApplicationContext) context).close();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
			assertThatThrownBy(() -> running.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.cause()
				.isExactlyInstanceOf(PoolDownException.class)
				.hasMessageContaining("is shutting down");
		});
	}

	@Test
	void aContextClosedWhileStoppedShutsTheNodeDown() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			((ConfigurableApplicationContext) context).stop();
			((ConfigurableApplicationContext) context).close();
			assertThatThrownBy(() -> system.createActor(Sleeper.class).join()).cause()
				.isInstanceOf(PoolDownException.class);
		});
	}

}
