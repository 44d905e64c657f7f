package io.xoscar.spring.autoconfigure.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.xoscar.Actor;
import io.xoscar.StatelessActor;
import io.xoscar.spring.XActor;

/**
 * Actors and an HTTP client shared by the problem details tests.
 */
final class ProblemFixtures {

	static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private ProblemFixtures() {
	}

	/** A stateful actor: one call at a time. */
	@XActor(uid = "worker")
	public static class Worker extends Actor {

		public String ping() {
			return "pong";
		}

		/** Waits for a call to itself, which could never run: a deadlock. */
		public String callSelf() {
			return self().method("ping").call();
		}

	}

	/** Calls run concurrently, so a long one blocks nobody else. */
	@XActor(uid = "sleeper")
	public static class Sleeper extends StatelessActor {

		public String sleep(long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

	}

	/**
	 * @return the address of a node that is not there: a port of this host nobody listens on
	 */
	static String deadNode() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
