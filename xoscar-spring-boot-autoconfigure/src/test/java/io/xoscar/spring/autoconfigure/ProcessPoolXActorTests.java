package io.xoscar.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link XActor @XActor} placed in a process pool is created inside the child JVM, which runs
 * this application's context in a sub-pool role: the actor's bean dependencies and properties are
 * injected there.
 */
class ProcessPoolXActorTests {

	/** A bean the model depends on, made in whichever JVM hosts the model. */
	static class Tokenizer {

		final long pid = ProcessHandle.current().pid();

		int count(String text) {
			return text.split("\\s+").length;
		}

	}

	@XActor(uid = "model", pool = "gpu")
	public static class Model extends Actor {

		private final Tokenizer tokenizer;

		private final String name;

		public Model(Tokenizer tokenizer, @Value("${model.name}") String name) {
			this.tokenizer = tokenizer;
			this.name = name;
		}

		/** A type only the application's Jackson module knows how to write and read. */
		public Money twice(Money money) {
			return new Money(money.cents * 2);
		}

		public String describe(String text) {
			return this.name + " tokens=" + this.tokenizer.count(text) + " pid=" + ProcessHandle.current().pid()
					+ " tokenizerPid=" + this.tokenizer.pid + " cuda=" + System.getenv("CUDA_VISIBLE_DEVICES");
		}

	}

	public interface ModelApi {

		String describe(String text);

		Money twice(Money money);

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Model.class)
	static class ModelApplication {

		@Bean
		JacksonModule moneyModule() {
			return ProcessPoolXActorTests.moneyModule();
		}

		@Bean
		Tokenizer tokenizer() {
			return new Tokenizer();
		}

		@Bean
		ModelClient modelClient(@ActorRef("model") ModelApi model) {
			return new ModelClient(model);
		}

	}

	record ModelClient(ModelApi model) {
	}

	/** No getters, no creator: Jackson cannot handle it without the module. */
	public static final class Money {

		private final long cents;

		Money(long cents) {
			this.cents = cents;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Money money && money.cents == this.cents;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.cents);
		}

	}

	static JacksonModule moneyModule() {
		SimpleModule module = new SimpleModule("money");
		module.addSerializer(Money.class, new ValueSerializer<>() {

			@Override
			public void serialize(Money value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(value.cents + " cents");
			}

		});
		module.addDeserializer(Money.class, new ValueDeserializer<>() {

			@Override
			public Money deserialize(JsonParser parser, DeserializationContext context) {
				String text = parser.getString();
				return new Money(Long.parseLong(text.substring(0, text.indexOf(' '))));
			}

		});
		return module;
	}

	@Test
	void theActorIsBuiltInTheChildJvmWithItsDependencies() {
		SpringApplication application = new SpringApplication(ModelApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--xoscar.main-pool-threads=1",
				"--xoscar.pools.gpu.mode=process", "--xoscar.pools.gpu.cuda-devices=3",
				"--xoscar.pools.gpu.jvm-args=-Xmx128m", "--model.name=tiny")) {
			ActorSystem system = context.getBean(ActorSystem.class);
			long child = system.pools().get(1).pid();
			assertThat(child).isNotEqualTo(ProcessHandle.current().pid());
			assertThat(context.getBean(ModelClient.class).model().describe("a b c"))
				.isEqualTo("tiny tokens=3 pid=" + child + " tokenizerPid=" + child + " cuda=3");
			assertThat(context.getBean(ModelClient.class).model().twice(new Money(21))).isEqualTo(new Money(42));
		}
	}

}
