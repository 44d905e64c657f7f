package io.xoscar.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ParentPropertiesTests {

	@Test
	void copiesResolvedValuesKeepingWhatIsAboveTheSystemPropertiesApart() {
		StandardEnvironment parent = environment(
				Map.of("greeting", "hi", "loud", "${greeting}!", "token", "${random.uuid}"),
				Map.of("greeting", "hello", "model.name", "tiny", "lost", "${missing}"));

		ParentProperties properties = ParentProperties.of(parent);

		assertThat(properties.overrides()).containsOnlyKeys("greeting", "loud", "token")
			.containsEntry("greeting", "hi")
			.containsEntry("loud", "hi!");
		assertThat(properties.overrides().get("token")).matches("[0-9a-f-]{36}");
		assertThat(properties.others()).containsOnly(Map.entry("model.name", "tiny"));
	}

	@Test
	void leavesTheParentProcessAndTheChildsOwnSettingsOut() {
		StandardEnvironment parent = environment(
				Map.of("spring.main.web-application-type", "servlet", "spring.profiles.active", "dev",
						"xoscar.process-pool.application", "com.example.App", "xoscar.pools.gpu.mode", "process"),
				Map.of("spring.config.import", "optional:extra.yml", "java.version", "1.0"));
		parent.getPropertySources().addLast(new MapPropertySource("applicationInfo", Map.of("spring.application.pid", "1")));

		ParentProperties properties = ParentProperties.of(parent);

		assertThat(properties.overrides()).containsOnly(Map.entry("xoscar.pools.gpu.mode", "process"));
		assertThat(properties.others()).as("java.version is a system property of the parent").isEmpty();
	}

	@Test
	void roundTripsThroughBytes() {
		ParentProperties properties = ParentProperties.of(environment(Map.of("a", "1", "ünicode", "✓ \n x"),
				Map.of("b", "")));

		ParentProperties decoded = ParentProperties.decode(properties.encode());

		assertThat(decoded.overrides()).isEqualTo(properties.overrides());
		assertThat(decoded.others()).isEqualTo(Map.of("b", ""));
		assertThat(ParentProperties.decode(new byte[0]).overrides()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> ParentProperties.decode(new byte[] { 0, 0, 0, 9 }))
			.withMessageContaining("The parent's properties could not be read");
	}

	@Test
	void goFirstAndRightAfterTheEnvironmentVariablesOfTheChild() {
		ParentProperties properties = ParentProperties.of(environment(Map.of("a", "1"), Map.of("b", "2")));
		StandardEnvironment child = new StandardEnvironment();
		child.getPropertySources().addLast(new MapPropertySource("commandLineArgs", Map.of()));

		properties.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				new SpringApplication(), new String[0], child));

		assertThat(child.getPropertySources().stream().map(PropertySource::getName)).containsExactly(
				ParentProperties.OVERRIDES, StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, ParentProperties.OTHERS,
				"commandLineArgs");
		assertThat(child.getProperty("a")).isEqualTo("1");
		assertThat(child.getProperty("b")).isEqualTo("2");
	}

	/**
	 * @return an environment with {@code above} before its system properties and {@code below} after
	 * its environment variables, as test properties and config files are
	 */
	private static StandardEnvironment environment(Map<String, Object> above, Map<String, Object> below) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.addFirst(new MapPropertySource("Inlined Test Properties", above));
		RandomValuePropertySource.addToEnvironment(environment);
		sources.addLast(new MapPropertySource("Config resource 'application.yml'", below));
		return environment;
	}

}
