package io.xoscar.spring.autoconfigure.actuate.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the health status {@code RESTARTING} of a process pool that recovery brings back (see
 * {@link XoscarHealthContributor}) answer HTTP 503, as DOWN and OUT_OF_SERVICE do, and rank it
 * between them and UP ({@code DOWN, OUT_OF_SERVICE, RESTARTING, UP, UNKNOWN}), unless the
 * application configures otherwise: adds the matching {@code management.endpoint.health.status.*}
 * properties in a property source of the lowest precedence, leaving out those the application
 * sets (a status order of its own, the HTTP code of a status it maps, in whatever case it writes
 * the status). Since a mapping of one's own replaces Spring Boot's defaults, those of DOWN and
 * OUT_OF_SERVICE (503) are added with it. Loads no class of the health module: registered in
 * {@code META-INF/spring.factories}, it runs with or without the actuator.
 */
final class RestartingStatusDefaults implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source added. */
	static final String SOURCE = "xoscarHealthStatusDefaults";

	private static final String STATUS = "management.endpoint.health.status";

	private static final String ORDER = STATUS + ".order";

	private static final String HTTP_MAPPING = STATUS + ".http-mapping";

	/** Spring Boot's order with RESTARTING between the statuses that mean down and UP. */
	static final String DEFAULT_ORDER = "DOWN,OUT_OF_SERVICE,RESTARTING,UP,UNKNOWN";

	/** Spring Boot's default mapping with RESTARTING. */
	private static final Map<String, Integer> DEFAULT_MAPPING = Map.of("down", 503, "out-of-service", 503,
			"restarting", 503);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE)) {
			return;
		}
		Binder binder = Binder.get(environment);
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (!binder.bind(ORDER, Bindable.listOf(String.class)).isBound()) {
			defaults.put(ORDER, DEFAULT_ORDER);
		}
		Set<String> mapped = binder.bind(HTTP_MAPPING, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of())
			.keySet()
			.stream()
			.map(RestartingStatusDefaults::uniform)
			.collect(Collectors.toSet());
		DEFAULT_MAPPING.forEach((status, code) -> {
			if (!mapped.contains(uniform(status))) {
				defaults.put(HTTP_MAPPING + "." + status, code);
			}
		});
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
		}
	}

	/** A status code as Spring Boot compares them: its letters and digits, in lower case. */
	private static String uniform(String status) {
		return status.codePoints()
			.filter(Character::isLetterOrDigit)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.toLowerCase(Locale.ROOT);
	}

	/** After the application's configuration is loaded, so that what it sets is known. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
