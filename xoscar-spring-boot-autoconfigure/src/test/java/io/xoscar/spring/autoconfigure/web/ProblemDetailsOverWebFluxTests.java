package io.xoscar.spring.autoconfigure.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.web.ProblemFixtures.Sleeper;
import io.xoscar.spring.autoconfigure.web.ProblemFixtures.Worker;

import static io.xoscar.spring.autoconfigure.web.ProblemDetailsOverMvcTests.assertProblem;
import static io.xoscar.spring.autoconfigure.web.ProblemFixtures.body;
import static io.xoscar.spring.autoconfigure.web.ProblemFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application whose annotated controller answers with the {@code Mono}s of actor calls, over
 * HTTP on a real server: xoscar's exceptions answer with problem details and their status.
 */
@SpringBootTest(classes = ProblemDetailsOverWebFluxTests.WebFluxApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "xoscar.main-pool-threads=2" })
class ProblemDetailsOverWebFluxTests {

	@Value("${local.server.port}")
	private int port;

	@RestController
	static class ReactiveActorController {

		private final ActorSystem system;

		private final String deadNode = ProblemFixtures.deadNode();

		ReactiveActorController(ActorSystem system) {
			this.system = system;
		}

		@GetMapping("/node-down")
		Mono<String> nodeDown() {
			return this.system.handle(this.deadNode, "worker", Worker.class).method("ping").mono();
		}

		@GetMapping("/pool-restarting")
		Mono<String> poolRestarting() {
			return Mono.error(ProblemFixtures.restarting());
		}

		@GetMapping("/timeout")
		Mono<String> timeout() {
			return this.system.handle(this.system.address(), "sleeper", Sleeper.class)
				.method("sleep")
				.withTimeout(ProblemFixtures.SHORT_TIMEOUT)
				.mono(10_000L);
		}

		@GetMapping("/deadlock")
		Mono<String> deadlock() {
			return this.system.handle(this.system.address(), "worker", Worker.class).method("callSelf").mono();
		}

		@GetMapping("/missing")
		Mono<String> missing() {
			return Mono.fromFuture(this.system.handle(this.system.address(), "nobody", Worker.class)
				.method("ping")
				.<String>send()
				.thenApply((pong) -> pong));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ReactiveActorController.class, Worker.class, Sleeper.class })
	static class WebFluxApplication {

	}

	@Test
	void aNodeThatIsDownAnswers503WithRetryAfter() throws Exception {
		HttpResponse<String> response = get(this.port, "/node-down");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).as("the default").hasValue("5");
		assertProblem(response, "pool-down", "Actor pool down", 503);
		assertThat(body(response).get("instance").asString()).isEqualTo("/node-down");
	}

	@Test
	void aPoolThatRecoveryRestartsAnswers503AskingToRetryInASecond() throws Exception {
		HttpResponse<String> response = get(this.port, "/pool-restarting");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertProblem(response, "pool-down", "Actor pool down", 503);
		assertThat(body(response).get("restarting").asBoolean()).isTrue();
	}

	@Test
	void aCallTimeoutAnswers504() throws Exception {
		HttpResponse<String> response = get(this.port, "/timeout");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
		assertProblem(response, "call-timeout", "Actor call timed out", 504);
	}

	@Test
	void aDeadlockAnswers500NamingTheCycle() throws Exception {
		HttpResponse<String> response = get(this.port, "/deadlock");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
		assertProblem(response, "deadlock", "Deadlock between actors", 500);
		assertThat(body(response).get("detail").asString()).contains("'worker'", "callSelf");
	}

	@Test
	void anActorThatIsNotThereAnswers404() throws Exception {
		HttpResponse<String> response = get(this.port, "/missing");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertProblem(response, "actor-not-found", "Actor not found", 404);
	}

}
