package io.xoscar.spring.autoconfigure.actuate.health;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;

import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RESTARTING answers 503 and ranks between DOWN and UP, as a real server answers
 * {@code /actuator/health}, unless the application maps or orders it otherwise.
 */
class RestartingStatusDefaultsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void restartingAnswers503AndOutranksUp() throws Exception {
		try (ConfigurableApplicationContext context = run(Map.of("restarting", true))) {
			HttpResponse<String> health = LocalHttp.get(port(context), "/actuator/health", WAIT);
			assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
			JsonNode body = LocalHttp.json(health);
			assertThat(body.get("status").asString()).isEqualTo("RESTARTING");
			assertThat(body.get("components").get("gpu").get("status").asString()).isEqualTo("RESTARTING");
			assertThat(body.get("components").get("ping").get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void downStillOutranksRestartingAndAnswers503() throws Exception {
		try (ConfigurableApplicationContext context = run(Map.of("restarting", true, "down", true))) {
			HttpResponse<String> health = LocalHttp.get(port(context), "/actuator/health", WAIT);
			assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
			assertThat(LocalHttp.json(health).get("status").asString()).isEqualTo("DOWN");
		}
	}

	@Test
	void theApplicationsOwnMappingWins() throws Exception {
		try (ConfigurableApplicationContext context = run(Map.of("restarting", true),
				"--management.endpoint.health.status.http-mapping.RESTARTING=200")) {
			HttpResponse<String> health = LocalHttp.get(port(context), "/actuator/health", WAIT);
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(LocalHttp.json(health).get("status").asString()).isEqualTo("RESTARTING");
		}
	}

	@Test
	void theApplicationsOwnOrderWins() throws Exception {
		try (ConfigurableApplicationContext context = run(Map.of("restarting", true),
				"--management.endpoint.health.status.order=DOWN,UP,RESTARTING")) {
			HttpResponse<String> health = LocalHttp.get(port(context), "/actuator/health", WAIT);
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(LocalHttp.json(health).get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void keepsSpringBootsDefaultsBesideAMappingOfTheApplications() {
		StandardEnvironment environment = environment(
				Map.of("management.endpoint.health.status.http-mapping.down", "500"));
		new RestartingStatusDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().get(RestartingStatusDefaults.SOURCE).getSource())
			.isEqualTo(Map.of("management.endpoint.health.status.order", RestartingStatusDefaults.DEFAULT_ORDER,
					"management.endpoint.health.status.http-mapping.out-of-service", 503,
					"management.endpoint.health.status.http-mapping.restarting", 503));
		assertThat(environment.getProperty("management.endpoint.health.status.http-mapping.down")).isEqualTo("500");
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName).toList()).last()
			.isEqualTo(RestartingStatusDefaults.SOURCE);
	}

	@Test
	void addsNothingWhenTheApplicationSetsItAll() {
		StandardEnvironment environment = environment(Map.of("management.endpoint.health.status.http-mapping.down", "503",
				"management.endpoint.health.status.http-mapping.OUT_OF_SERVICE", "503",
				"management.endpoint.health.status.http-mapping.restarting", "200"));
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("env", Map.of("MANAGEMENT_ENDPOINT_HEALTH_STATUS_ORDER", "DOWN,UP")));
		new RestartingStatusDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(RestartingStatusDefaults.SOURCE)).isFalse();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		return environment;
	}

	private static ConfigurableApplicationContext run(Map<String, Boolean> indicators, String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("indicators", new Indicators(indicators)));
		String[] all = new String[args.length + 6];
		System.arraycopy(new String[] { "--server.port=0", "--xoscar.enabled=false",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-components=always", "--spring.main.banner-mode=off",
				"--spring.jmx.enabled=false" }, 0, all, 0, 6);
		System.arraycopy(args, 0, all, 6, args.length);
		return application.run(all);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	record Indicators(Map<String, Boolean> on) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		HealthIndicator gpu(Indicators indicators) {
			return () -> indicators.on().containsKey("restarting") ? Health.status(XoscarHealthContributor.RESTARTING).build()
					: Health.up().build();
		}

		@Bean
		HealthIndicator cpu(Indicators indicators) {
			return () -> indicators.on().containsKey("down") ? Health.down().build() : Health.up().build();
		}

	}

}
