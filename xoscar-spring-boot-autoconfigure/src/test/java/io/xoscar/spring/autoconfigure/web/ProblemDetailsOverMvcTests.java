package io.xoscar.spring.autoconfigure.web;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;

import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.spring.autoconfigure.web.ProblemFixtures.Sleeper;
import io.xoscar.spring.autoconfigure.web.ProblemFixtures.Worker;

import static io.xoscar.spring.autoconfigure.web.ProblemFixtures.body;
import static io.xoscar.spring.autoconfigure.web.ProblemFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC application whose controller calls actors, over HTTP on a real server: xoscar's
 * exceptions answer with problem details and their status, also wrapped in futures and checked
 * exceptions, while the application's own exception handlers win.
 */
@SpringBootTest(classes = ProblemDetailsOverMvcTests.MvcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "xoscar.main-pool-threads=2",
				"xoscar.pools.slots.labels=slot", "xoscar.web.problem-details.retry-after=2500ms" })
class ProblemDetailsOverMvcTests {

	@Value("${local.server.port}")
	private int port;

	@RestController
	static class ActorController {

		private final ActorSystem system;

		private final String deadNode = ProblemFixtures.deadNode();

		ActorController(ActorSystem system) {
			this.system = system;
		}

		@GetMapping("/deadlock")
		String deadlock() {
			return this.system.handle(this.system.address(), "worker", Worker.class).method("callSelf").call();
		}

		@GetMapping("/timeout")
		String timeout() {
			return sleeper().method("sleep").withTimeout(ProblemFixtures.SHORT_TIMEOUT).call(10_000L);
		}

		@GetMapping("/timeout-async")
		CompletableFuture<String> timeoutAsync() {
			return sleeper().method("sleep")
				.withTimeout(ProblemFixtures.SHORT_TIMEOUT)
				.<String>send(10_000L)
				.thenApply((slept) -> slept);
		}

		@GetMapping("/missing")
		String missing() {
			return this.system.handle(this.system.address(), "nobody", Worker.class).method("ping").call();
		}

		@GetMapping("/node-down")
		String nodeDown() {
			return this.system.handle(this.deadNode, "worker", Worker.class).method("ping").call();
		}

		@GetMapping("/node-down-get")
		String nodeDownGet() throws InterruptedException, ExecutionException {
			return this.system.handle(this.deadNode, "worker", Worker.class).method("ping").<String>send().get();
		}

		/** What a call fails with when its process pool died under it and recovery restarts it. */
		@GetMapping("/pool-restarting")
		CompletableFuture<String> poolRestarting() {
			return CompletableFuture.failedFuture(ProblemFixtures.restarting());
		}

		@GetMapping("/idle-slot")
		String idleSlot() {
			return this.system.createActor(Worker.class, CreateOptions.at(Placement.idleLabel("slot", "model")))
				.join()
				.uid();
		}

		@GetMapping("/duplicate")
		String duplicate() {
			return this.system.createActor(Worker.class, CreateOptions.uid("worker")).join().uid();
		}

		@GetMapping("/bug")
		String bug() {
			throw new IllegalStateException("not an actor's problem");
		}

		private io.xoscar.ActorHandle<Sleeper> sleeper() {
			return this.system.handle(this.system.address(), "sleeper", Sleeper.class);
		}

	}

	/** The application's own handler of one of xoscar's exceptions. */
	@RestControllerAdvice
	static class ApplicationAdvice {

		@ExceptionHandler
		ResponseEntity<String> duplicate(ActorAlreadyExistsException ex) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body("the application's own: " + ex.uid());
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ActorController.class, ApplicationAdvice.class, Worker.class, Sleeper.class })
	static class MvcApplication {

	}

	@Test
	void aDeadlockAnswers500NamingTheCycle() throws Exception {
		HttpResponse<String> response = get(this.port, "/deadlock");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
		assertProblem(response, "deadlock", "Deadlock between actors", 500);
		assertThat(body(response).get("detail").asString()).contains("'worker'", "callSelf", "ping");
		assertThat(body(response).get("instance").asString()).isEqualTo("/deadlock");
	}

	@Test
	void aCallTimeoutAnswers504AlsoFromAFuture() throws Exception {
		for (String path : new String[] { "/timeout", "/timeout-async" }) {
			HttpResponse<String> response = get(this.port, path);

			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(504);
			assertProblem(response, "call-timeout", "Actor call timed out", 504);
			assertThat(body(response).get("detail").asString()).contains("'sleeper'", "sleep", "PT0.2S");
		}
	}

	@Test
	void aNodeThatIsDownAnswers503WithRetryAfterAlsoThroughAnExecutionException() throws Exception {
		for (String path : new String[] { "/node-down", "/node-down-get" }) {
			HttpResponse<String> response = get(this.port, path);

			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
			assertProblem(response, "pool-down", "Actor pool down", 503);
			assertThat(body(response).has("restarting")).isFalse();
		}
	}

	@Test
	void aPoolThatRecoveryRestartsAnswers503AskingToRetryInASecond() throws Exception {
		HttpResponse<String> response = get(this.port, "/pool-restarting");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).as("not the configured 3").hasValue("1");
		assertProblem(response, "pool-down", "Actor pool down", 503);
		assertThat(body(response).get("restarting").asBoolean()).isTrue();
		assertThat(body(response).get("detail").asString()).isEqualTo(ProblemFixtures.restarting().getMessage());
	}

	@Test
	void anActorThatIsNotThereAnswers404WithItsUid() throws Exception {
		HttpResponse<String> response = get(this.port, "/missing");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertProblem(response, "actor-not-found", "Actor not found", 404);
		assertThat(body(response).get("uid").asString()).isEqualTo("nobody");
	}

	@Test
	void noIdleSlotAnswers503WithTheLabelAndMark() throws Exception {
		assertThat(get(this.port, "/idle-slot").statusCode()).as("the pool's one slot").isEqualTo(200);

		HttpResponse<String> response = get(this.port, "/idle-slot");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertProblem(response, "no-idle-slot", "No idle actor slot", 503);
		assertThat(body(response).get("label").asString()).isEqualTo("slot");
		assertThat(body(response).get("mark").asString()).isEqualTo("model");
	}

	@Test
	void theApplicationsOwnExceptionHandlerWins() throws Exception {
		HttpResponse<String> response = get(this.port, "/duplicate");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).isEqualTo("the application's own: worker");
	}

	@Test
	void otherExceptionsAreLeftAlone() throws Exception {
		HttpResponse<String> response = get(this.port, "/bug");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain(XoscarProblemDetailsExceptionHandler.TYPE_PREFIX);
	}

	static void assertProblem(HttpResponse<String> response, String kind, String title, int status) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = body(response);
		assertThat(problem.get("type").asString()).isEqualTo(XoscarProblemDetailsExceptionHandler.TYPE_PREFIX + kind);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

}
