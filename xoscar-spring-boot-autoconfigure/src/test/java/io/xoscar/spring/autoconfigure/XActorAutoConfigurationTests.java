package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.StatelessActor;
import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link XActor @XActor} beans created at start with their dependencies injected and placed as
 * declared, {@link ActorRef @ActorRef} injection of typed proxies and handles, and the lifecycle.
 */
class XActorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=2", "greeting.word=hello");

	/** A bean the actors depend on. */
	static class Clock {

		long now() {
			return 42;
		}

	}

	@XActor("counter")
	public static class Counter extends Actor {

		private final Clock clock;

		@Value("${greeting.word}")
		private String word;

		@Autowired
		private Clock fieldClock;

		private long value;

		public Counter(Clock clock) {
			this.clock = clock;
		}

		public long add(long delta) {
			return this.value += delta;
		}

		public String describe() {
			return this.word + " " + uid() + " " + this.clock.now() + " " + (this.fieldClock == this.clock);
		}

		public String hold(CountDownLatch latch) throws InterruptedException {
			return latch.await(20, TimeUnit.SECONDS) ? "finished" : "timed out";
		}

	}

	public interface CounterApi {

		long add(long delta);

		String describe();

		CompletableFuture<String> hold(CountDownLatch latch);

	}

	public interface WrongApi {

		long subtract(long delta);

	}

	@XActor(uid = "${worker.uid:worker}", pool = "cpu", count = 2)
	public static class Worker extends StatelessActor {

		public String where() {
			return uid() + "@" + address();
		}

	}

	public interface WorkerApi {

		String where();

	}

	/** Injection into a constructor, a field and a {@code @Bean} method. */
	static class Service {

		final CounterApi counter;

		final ActorHandle<Counter> raw;

		@ActorRef("worker-1")
		WorkerApi secondWorker;

		Service(@ActorRef("counter") CounterApi counter, @ActorRef("counter") ActorHandle<Counter> raw) {
			this.counter = counter;
			this.raw = raw;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Application {

		@Bean
		Clock clock() {
			return new Clock();
		}

		@Bean
		Service service(@ActorRef("counter") CounterApi counter, @ActorRef("counter") ActorHandle<Counter> raw) {
			return new Service(counter, raw);
		}

		@Bean
		String firstWorkerWhere(@ActorRef("worker-0") WorkerApi worker) {
			return "lazy: " + worker.getClass().getSimpleName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Mismatched {

		@Bean
		Object needsWrongApi(@ActorRef("counter") WrongApi wrong) {
			return wrong;
		}

	}

	@Test
	void xactorsAreCreatedAtStartWithTheirDependenciesAndInjectedWhereAskedFor() {
		this.runner.withUserConfiguration(Application.class, Counter.class, Worker.class)
			.withPropertyValues("xoscar.pools.cpu.count=2", "worker.uid=worker")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Service service = context.getBean(Service.class);
				assertThat(service.counter.add(2)).isEqualTo(2);
				assertThat(service.raw.method("add").<Long>call(3L)).isEqualTo(5L);
				assertThat(service.counter.describe()).isEqualTo("hello counter 42 true");
				ActorSystem system = context.getBean(ActorSystem.class);
				assertThat(system.actors().join()).extracting(ActorSystem.ActorInfo::uid)
					.containsExactlyInAnyOrder("counter", "worker-0", "worker-1");
				assertThat(service.secondWorker.where()).startsWith("worker-1@" + system.address() + "/");
				assertThat(system.actors().join()).filteredOn((actor) -> actor.uid().startsWith("worker"))
					.extracting(ActorSystem.ActorInfo::pool)
					.containsExactlyInAnyOrder(1, 2);
			});
	}

	/** Asks for the interface without {@code @ActorRef}. */
	static class Plain {

		@Autowired(required = false)
		CounterApi counter;

	}

	@Test
	void aPlainInjectionPointOfTheSameTypeDoesNotGetAnActorRef() {
		this.runner.withUserConfiguration(Application.class, Counter.class, Plain.class)
			.run((context) -> assertThat(context.getBean(Plain.class).counter).isNull());
	}

	@Test
	void anInterfaceThatDoesNotMatchTheActorFailsTheStartNamingTheMethod() {
		this.runner.withUserConfiguration(Mismatched.class, Counter.class, Application.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchActorMethodException.class)
				.hasMessageContaining("subtract");
		});
	}

	@Test
	void stoppingTheContextLetsCallsInFlightFinish() {
		this.runner.withUserConfiguration(Application.class, Counter.class).run((context) -> {
			Service service = context.getBean(Service.class);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<String> running = service.counter.hold(release);
			ActorSystem system = context.getBean(ActorSystem.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> system.actors().join().stream().anyMatch((actor) -> !actor.inFlight().isEmpty()));
			CompletableFuture<Long> queued = service.raw.method("add").send(7L);
			XoscarLifecycle lifecycle = context.getBean(XoscarLifecycle.class);
			CompletableFuture<Void> closed = CompletableFuture.runAsync(((ConfigurableApplicationContext) context)::close);
			await().atMost(Duration.ofSeconds(10)).until(() -> !lifecycle.isRunning());
			release.countDown();
			assertThat(running.join()).isEqualTo("finished");
			assertThat(queued.join()).as("queued behind the running call, it still ran").isEqualTo(7L);
			closed.join();
			assertThat(system.actors().join()).isEmpty();
		});
	}

}
