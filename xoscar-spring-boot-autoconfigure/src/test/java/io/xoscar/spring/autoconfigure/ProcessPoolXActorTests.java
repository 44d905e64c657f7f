package io.xoscar.spring.autoconfigure;

import org.junit.jupiter.api.Test;
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

		public String describe(String text) {
			return this.name + " tokens=" + this.tokenizer.count(text) + " pid=" + ProcessHandle.current().pid()
					+ " tokenizerPid=" + this.tokenizer.pid + " cuda=" + System.getenv("CUDA_VISIBLE_DEVICES");
		}

	}

	public interface ModelApi {

		String describe(String text);

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Model.class)
	static class ModelApplication {

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
		}
	}

}
