package io.xoscar.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link XActor @XActor} supervision: an actor whose method throws one of {@code restartOn} is made
 * again from its bean definition (dependencies injected again), bad values fail the start naming the
 * bean, and {@code xoscar.recovery.restart-actors=false} turns it off.
 */
class XActorSupervisionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=2");

	/** A bean the actor depends on: counts the instances it was injected into. */
	static class Injections {

		final AtomicInteger count = new AtomicInteger();

	}

	@XActor(value = "ledger", restartOn = IllegalStateException.class, maxRestarts = 3, restartWithin = "${ledger.window:1m}",
			minBackoff = "0ms", maxBackoff = "0ms")
	public static class Ledger extends Actor {

		private final Injections injections;

		private final int instance;

		private long balance;

		public Ledger(Injections injections) {
			this.injections = injections;
			this.instance = injections.count.incrementAndGet();
		}

		public long deposit(long amount) {
			return this.balance += amount;
		}

		public int instance() {
			return this.instance;
		}

		public boolean injected() {
			return this.injections != null;
		}

		public void corrupt() {
			throw new IllegalStateException("ledger corrupt");
		}

	}

	public interface LedgerApi {

		long deposit(long amount);

		int instance();

		boolean injected();

		void corrupt();

	}

	static class Bank {

		@ActorRef("ledger")
		LedgerApi ledger;

	}

	@Configuration(proxyBeanMethods = false)
	static class Application {

		@Bean
		Injections injections() {
			return new Injections();
		}

		@Bean
		Bank bank() {
			return new Bank();
		}

	}

	@XActor(value = "broken", restartOn = IllegalStateException.class, restartWithin = "soon")
	public static class Broken extends Actor {

	}

	@XActor(value = "backwards", restartOn = IllegalStateException.class, minBackoff = "10s", maxBackoff = "1s")
	public static class Backwards extends Actor {

	}

	@Test
	void anXActorIsRestartedFromItsBeanDefinitionWithItsDependenciesInjectedAgain() {
		this.runner.withUserConfiguration(Application.class, Ledger.class).run((context) -> {
			assertThat(context).hasNotFailed();
			LedgerApi ledger = context.getBean(Bank.class).ledger;
			assertThat(ledger.deposit(10)).isEqualTo(10);
			assertThat(ledger.instance()).isEqualTo(1);

			assertThatThrownBy(ledger::corrupt).isInstanceOf(IllegalStateException.class).hasMessage("ledger corrupt");

			assertThat(ledger.deposit(5)).as("fresh state").isEqualTo(5);
			assertThat(ledger.instance()).as("a new bean").isEqualTo(2);
			assertThat(ledger.injected()).isTrue();
			assertThat(context.getBean(Injections.class).count).hasValue(2);
			ActorSystem.ActorInfo info = context.getBean(ActorSystem.class)
				.actors()
				.join()
				.stream()
				.filter((actor) -> actor.uid().equals("ledger"))
				.findFirst()
				.orElseThrow();
			assertThat(info.restarts()).isEqualTo(1);
			assertThat(info.lastRestartReason()).isEqualTo("IllegalStateException: ledger corrupt");
		});
	}

	@Test
	void restartActorsFalseTurnsSupervisionOff() {
		this.runner.withUserConfiguration(Application.class, Ledger.class)
			.withPropertyValues("xoscar.recovery.restart-actors=false")
			.run((context) -> {
				LedgerApi ledger = context.getBean(Bank.class).ledger;
				ledger.deposit(10);
				assertThatThrownBy(ledger::corrupt).isInstanceOf(IllegalStateException.class);
				assertThat(ledger.deposit(5)).isEqualTo(15);
				assertThat(ledger.instance()).isEqualTo(1);
			});
	}

	@Test
	void aDurationThatIsNotOneFailsTheStartNamingTheBean() {
		this.runner.withUserConfiguration(Broken.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class);
			assertThat(context.getStartupFailure()).hasStackTraceContaining("@XActor " + Broken.class.getName()
					+ " (bean 'XActorSupervisionTests.Broken'): restartWithin must be a duration such as 200ms, 10s or 1m, was 'soon'");
		});
	}

	@Test
	void limitsThatCannotBeFailTheStartNamingTheBean() {
		this.runner.withUserConfiguration(Backwards.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("@XActor " + Backwards.class.getName()
					+ " (bean 'XActorSupervisionTests.Backwards'): invalid supervision: backoff must be 0 <= minBackoff <= maxBackoff");
		});
	}

}
