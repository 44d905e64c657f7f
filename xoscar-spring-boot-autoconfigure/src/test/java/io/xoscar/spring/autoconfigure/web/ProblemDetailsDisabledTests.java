package io.xoscar.spring.autoconfigure.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.xoscar.spring.autoconfigure.web.ProblemFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code xoscar.web.problem-details.enabled=false}, xoscar's exceptions get Spring Boot's default
 * error handling, as any other exception.
 */
@SpringBootTest(classes = ProblemDetailsOverMvcTests.MvcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "xoscar.web.problem-details.enabled=false" })
class ProblemDetailsDisabledTests {

	@Value("${local.server.port}")
	private int port;

	@Test
	void aNodeThatIsDownAnswersTheDefault500() throws Exception {
		HttpResponse<String> response = get(this.port, "/node-down");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(response.body()).doesNotContain(XoscarProblemDetailsExceptionHandler.TYPE_PREFIX);
	}

}
