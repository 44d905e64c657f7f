package io.xoscar.spring.autoconfigure.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.xoscar.spring.autoconfigure.InvalidXoscarPropertyException;

/**
 * Configuration properties of the live dashboard page, under {@code xoscar.dashboard}. An invalid
 * path fails binding with an {@link InvalidXoscarPropertyException} that names the property.
 *
 * @param enabled Whether to serve the live dashboard page (pools, actors, calls, deadlocks, slow
 * calls and streams) and its JSON and server-sent-events API. Needs spring-boot-starter-actuator
 * and Spring MVC or WebFlux. Off by default: it shows the node's internals, so secure it (for
 * instance with Spring Security) before switching it on.
 * @param path Path of the dashboard page within the application, such as /xoscar: the page is
 * served at path/, its assets under path/ and its API under path/api/. Must start with a slash and
 * not end with one (unless it is /).
 */
@ConfigurationProperties("xoscar.dashboard")
public record XoscarDashboardProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("/xoscar") String path) {

	private static final String PATH_KEY = "xoscar.dashboard.path";

	public XoscarDashboardProperties {
		path = (path != null) ? path.trim() : "";
		if (!path.startsWith("/")) {
			throw invalid(path, "must start with /");
		}
		if (path.length() > 1 && path.endsWith("/")) {
			throw invalid(path, "must not end with /");
		}
		if (path.contains("//") || path.contains("*") || path.contains("{") || path.contains("?")
				|| path.contains("#") || path.chars().anyMatch(Character::isWhitespace)) {
			throw invalid(path, "must be a plain path (no //, *, {, ?, # or spaces)");
		}
	}

	private static InvalidXoscarPropertyException invalid(String path, String reason) {
		return new InvalidXoscarPropertyException(PATH_KEY, path, reason,
				"Set it to a path such as /xoscar or /admin/xoscar.");
	}

	/**
	 * @return the path the dashboard's URLs start with: the path, or the empty string for {@code /}
	 */
	String base() {
		return "/".equals(this.path) ? "" : this.path;
	}

}
