package io.xoscar.spring.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the test's own server over real HTTP/1.1, optionally with basic credentials and an
 * {@code Accept} header. Follows no redirects, so that a redirect to the login page is seen as such.
 */
final class DashboardHttp {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** What a browser's address bar asks for. */
	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	/** What the page's {@code EventSource} asks for. */
	static final String EVENT_STREAM = "text/event-stream";

	/** The page's assets: a script, a style sheet, uPlot's module. */
	static final String[] ASSETS = { "/xoscar/dashboard.js", "/xoscar/dashboard.css",
			"/xoscar/vendor/uplot/uPlot.esm.js" };

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final String authorization;

	private DashboardHttp(int port, String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	/** @return a client that sends no credentials */
	static DashboardHttp anonymous(int port) {
		return new DashboardHttp(port, null);
	}

	/** @return a client that sends these basic credentials with every request */
	static DashboardHttp basic(int port, String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new DashboardHttp(port, "Basic " + token);
	}

	/** @return the answer to a GET without an {@code Accept} header (as curl or a script sends it) */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, null);
	}

	/** @return the answer to a GET with this {@code Accept} header, its body as text */
	HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(request(path, accept), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens the event stream as the page's {@code EventSource} does and closes it as soon as the
	 * response's head has arrived: never waits on the endless stream's body.
	 * @return the response, for its status and headers: its body is closed already
	 */
	HttpResponse<InputStream> events() throws IOException, InterruptedException {
		HttpResponse<InputStream> response = http.send(request("/xoscar/api/events", EVENT_STREAM),
				HttpResponse.BodyHandlers.ofInputStream());
		response.body().close();
		return response;
	}

	/** @return the response's body, read as JSON */
	static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private HttpRequest request(String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(TIMEOUT)
			.GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		return request.build();
	}

}
