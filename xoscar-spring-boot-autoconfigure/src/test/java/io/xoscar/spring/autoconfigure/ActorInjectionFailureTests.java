package io.xoscar.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Injection points the starter refuses, with a message that says why and what to do: an
 * {@code @XActor} class injected as a bean, and an {@code @ActorRef} while xoscar is disabled.
 */
class ActorInjectionFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarDisabledAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1");

	@XActor("stock")
	public static class StockActor extends Actor {

		public int level() {
			return 3;
		}

	}

	/** Asks for the actor class itself. */
	static class Shop {

		@Autowired
		StockActor stock;

	}

	/** Asks for a reference. */
	static class Till {

		final ActorHandle<StockActor> stock;

		Till(@ActorRef("stock") ActorHandle<StockActor> stock) {
			this.stock = stock;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TillConfiguration {

		@Bean
		Till till(@ActorRef("stock") ActorHandle<StockActor> stock) {
			return new Till(stock);
		}

	}

	@Test
	void injectingAnXActorClassFailsTheStartSayingToInjectAReference() {
		this.runner.withUserConfiguration(StockActor.class, Shop.class).run((context) -> {
			assertThat(context).hasFailed();
			ActorInjectionException cause = cause(context.getStartupFailure());
			assertThat(cause).hasMessageContaining("Field " + Shop.class.getName() + ".stock asks for "
					+ StockActor.class.getName() + ", an @XActor: an actor is not injected as a bean");
			FailureAnalysis analysis = new ActorInjectionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
			assertThat(analysis.getAction()).contains("@ActorRef(\"<uid>\")")
				.contains("ActorHandle<StockActor>");
		});
	}

	@Test
	void theActorItselfIsStillBuiltFromItsBeanDefinitionAndReferencesWork() {
		this.runner.withUserConfiguration(StockActor.class, TillConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Till.class).stock.method("level").<Integer>call()).isEqualTo(3);
		});
	}

	@Test
	void anActorRefWhileXoscarIsDisabledFailsSayingSoAndWhichProperty() {
		this.runner.withPropertyValues("xoscar.enabled=false").withUserConfiguration(TillConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				ActorInjectionException cause = cause(context.getStartupFailure());
				assertThat(cause).hasMessageContaining("@ActorRef(\"stock\") at parameter 0 of "
						+ TillConfiguration.class.getName() + ".till cannot be injected: xoscar is disabled"
						+ " (xoscar.enabled=false)");
				FailureAnalysis analysis = new ActorInjectionFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("xoscar.enabled");
			});
	}

	private static ActorInjectionException cause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ActorInjectionException injection) {
				return injection;
			}
		}
		throw new AssertionError("no ActorInjectionException in " + failure, failure);
	}

}
