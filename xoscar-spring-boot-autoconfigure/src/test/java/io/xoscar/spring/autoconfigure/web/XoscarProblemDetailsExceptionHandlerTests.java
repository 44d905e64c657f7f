package io.xoscar.spring.autoconfigure.web;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.xoscar.exception.ActorCheckedException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.PoolStartException;
import io.xoscar.exception.RemoteActorException;
import io.xoscar.exception.WireValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class XoscarProblemDetailsExceptionHandlerTests {

	private final XoscarProblemDetailsExceptionHandler handler = new XoscarProblemDetailsExceptionHandler(
			Duration.ofMillis(1));

	@Test
	void findsTheFirstMappedExceptionDeepInTheCauseChain() {
		PoolDownException down = new PoolDownException("actor pool 1 (gpu) at 127.0.0.1:1 is down");
		Exception checked = new Exception("the application's", down);

		assertThat(XoscarProblemDetailsExceptionHandler
			.find(new ExecutionException(new ActorCheckedException("checked", checked)))).isSameAs(down);
		assertThat(XoscarProblemDetailsExceptionHandler.find(new CompletionException(down))).isSameAs(down);
		assertThat(XoscarProblemDetailsExceptionHandler.find(new RemoteActorException("com.example.Quota", "limit")))
			.isNull();
	}

	@Test
	void survivesACauseCycle() {
		Exception first = new Exception("first");
		Exception second = new Exception("second", first);
		first.initCause(second);

		assertThat(XoscarProblemDetailsExceptionHandler.find(first)).isNull();
		assertThatException().isThrownBy(() -> this.handler.handleXoscarException(first)).isSameAs(first);
	}

	@Test
	void poolStartCarriesThePoolAndExitCodeAndRetryAfterIsAtLeastOneSecond() throws Exception {
		ResponseEntity<ProblemDetail> start = this.handler.handleXoscarException(new CompletionException(
				new PoolStartException("pool gpu did not start", "gpu", 2, 1, java.util.List.of("boom"), null)));
		ResponseEntity<ProblemDetail> down = this.handler
			.handleXoscarException(new PoolDownException("actor pool 2 (gpu) is down"));

		assertThat(start.getStatusCode().value()).isEqualTo(503);
		assertThat(start.getBody().getProperties()).containsEntry("pool", "gpu")
			.containsEntry("index", 2)
			.containsEntry("exitCode", 1)
			.doesNotContainKey("stderrTail");
		assertThat(start.getHeaders().getFirst("Retry-After")).isNull();
		assertThat(down.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(down.getBody().getProperties()).isNull();
		assertThat(this.handler.handleXoscarException(new WireValueException("cannot encode Flux"))
			.getStatusCode()
			.value()).isEqualTo(500);
	}

	@Test
	void aPoolThatRecoveryRestartsAsksToRetryInASecondWhateverIsConfigured() throws Exception {
		XoscarProblemDetailsExceptionHandler handler = new XoscarProblemDetailsExceptionHandler(Duration.ofSeconds(30));
		ResponseEntity<ProblemDetail> restarting = handler.handleXoscarException(
				new CompletionException(new PoolDownException("process pool 1 (gpu) is restarting", null, true)));
		ResponseEntity<ProblemDetail> down = handler.handleXoscarException(
				new PoolDownException("process pool 1 (gpu) is down: recovery gave it up", null, false));

		assertThat(restarting.getStatusCode().value()).isEqualTo(503);
		assertThat(restarting.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(restarting.getBody().getProperties()).containsEntry("restarting", true);
		assertThat(restarting.getBody().getDetail()).isEqualTo("process pool 1 (gpu) is restarting");
		assertThat(down.getStatusCode().value()).isEqualTo(503);
		assertThat(down.getHeaders().getFirst("Retry-After")).isEqualTo("30");
		assertThat(down.getBody().getProperties()).isNull();
	}

}
