package io.xoscar.spring.autoconfigure.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import io.xoscar.Actor;
import io.xoscar.StatelessActor;
import io.xoscar.exception.PoolDownException;
import io.xoscar.spring.XActor;
import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;

/**
 * Actors and requests shared by the problem details tests.
 */
final class ProblemFixtures {

	static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);

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

	/**
	 * @return what a call fails with when its process pool died under it and recovery restarts it
	 */
	static PoolDownException restarting() {
		return new PoolDownException("process pool 3 (gpu) at 127.0.0.1:40233 is restarting: its process (pid 4242)"
				+ " was killed by signal 9 (SIGKILL), exit code 137; actor 'model' was in it", null, true);
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return LocalHttp.get(port, path, Duration.ofSeconds(20));
	}

	static JsonNode body(HttpResponse<String> response) {
		return LocalHttp.json(response);
	}

}
