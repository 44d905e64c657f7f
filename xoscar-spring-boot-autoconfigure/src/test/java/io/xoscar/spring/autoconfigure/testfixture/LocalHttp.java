package io.xoscar.spring.autoconfigure.testfixture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the test's own server ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}), the
 * way an operator or a client would make them: plain HTTP, bodies read as JSON.
 */
public final class LocalHttp {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private LocalHttp() {
	}

	/**
	 * @param port the server's port
	 * @param path the path, with its query
	 * @param timeout how long to wait for the response
	 * @return the response, its body as text
	 */
	public static HttpResponse<String> get(int port, String path, Duration timeout)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(timeout)
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** @return the response's body, read as JSON */
	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
