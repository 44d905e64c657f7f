package io.xoscar.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An actor in a process pool sees the properties of the test that started its application, as it
 * would in a thread pool: those of {@code @SpringBootTest(properties = …)}, {@code @TestPropertySource}
 * and {@code @DynamicPropertySource}, resolved in the parent, while the child keeps its own process
 * (system properties, its pool's environment variables over the application's files).
 */
@SpringBootTest(classes = ProcessPoolPropertiesTests.PropertiesApplication.class,
		properties = { "greeting=hi", "xoscar.main-pool-threads=1", "xoscar.pools.gpu.mode=process",
				"xoscar.pools.gpu.jvm-args=-Xmx128m", "xoscar.pools.gpu.env.MODEL_DEVICE=cuda:3",
				"xoscar.pools.gpu.env.FAREWELL=ciao" })
@TestPropertySource(properties = { "farewell=bye", "greeting.loud=${greeting}!" })
class ProcessPoolPropertiesTests {

	private static final String PARENT_ONLY = "xoscar.test.parent-only";

	static {
		// a system property of the parent JVM only: the child has its own
		System.setProperty(PARENT_ONLY, "parent");
	}

	@DynamicPropertySource
	static void dynamicProperties(DynamicPropertyRegistry registry) {
		registry.add("dynamic.value", () -> "from-parent-" + ProcessHandle.current().pid());
	}

	@AfterAll
	static void clearSystemProperty() {
		System.clearProperty(PARENT_ONLY);
	}

	@XActor(uid = "properties", pool = "gpu")
	public static class PropertiesActor extends Actor {

		@Autowired
		private Environment environment;

		@Value("${greeting:unset}")
		private String greeting;

		@Value("${greeting.loud:unset}")
		private String loudGreeting;

		@Value("${farewell:unset}")
		private String farewell;

		@Value("${dynamic.value:unset}")
		private String dynamicValue;

		public Map<String, String> seen() {
			Map<String, String> seen = new LinkedHashMap<>();
			seen.put("pid", Long.toString(ProcessHandle.current().pid()));
			seen.put("greeting", this.greeting);
			seen.put("greeting.loud", this.loudGreeting);
			seen.put("farewell", this.farewell);
			seen.put("dynamic.value", this.dynamicValue);
			for (String name : new String[] { "model.device", "model.name", PARENT_ONLY, "spring.application.pid" }) {
				seen.put(name, this.environment.getProperty(name, "unset"));
			}
			return seen;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@PropertySource("classpath:io/xoscar/spring/autoconfigure/process-pool.properties")
	@Import(PropertiesActor.class)
	static class PropertiesApplication {

	}

	@Autowired
	private ActorSystem system;

	@Autowired
	private Environment environment;

	@Test
	void theActorInTheChildJvmSeesTheTestsPropertySources() {
		Map<String, String> seen = seenInTheChild();

		assertThat(seen.get("pid")).isEqualTo(Long.toString(this.system.pools().get(1).pid()))
			.isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
		assertThat(seen).containsEntry("greeting", "hi")
			.containsEntry("greeting.loud", "hi!")
			.containsEntry("farewell", "bye")
			.containsEntry("dynamic.value", "from-parent-" + ProcessHandle.current().pid())
			.containsEntry("model.name", "tiny");
	}

	@Test
	void theChildKeepsItsOwnProcess() {
		Map<String, String> seen = seenInTheChild();

		// as in the parent, a test property wins over an environment variable, and an environment
		// variable over the application's files: the pool's own variable there
		assertThat(this.environment.getProperty("model.device")).isEqualTo("cpu");
		assertThat(seen).containsEntry("model.device", "cuda:3").containsEntry("farewell", "bye");
		assertThat(seen).containsEntry(PARENT_ONLY, "unset");
		assertThat(seen.get("spring.application.pid")).isIn("unset", seen.get("pid"));
	}

	private Map<String, String> seenInTheChild() {
		return this.system.handle(this.system.address(), "properties", PropertiesActor.class)
			.method("seen")
			.<Map<String, String>>call();
	}

}
