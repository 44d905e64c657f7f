package io.xoscar.spring.security;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.xoscar.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard behind Spring Boot's default chain (spring-boot-starter-security with only
 * {@code spring.security.user.name} and {@code .password} set), on Spring MVC
 * ({@link DefaultChainOverMvcTests}) and WebFlux ({@link DefaultChainOverWebFluxTests}). With the
 * actuator on the class path that chain is the actuator's: every request but the health endpoint
 * must be authenticated, by a form login or HTTP basic. An anonymous request is answered by one
 * of two entry points, chosen by its {@code Accept} header: a browser's is redirected (302) to
 * the generated login page, any other (curl, a script: no {@code Accept} or {@code *}{@code /*})
 * gets 401 with a basic challenge. The event stream's {@code text/event-stream} is neither; which
 * it gets differs by stack (see the subclasses).
 */
abstract class DefaultChainTests {

	static final String USER = "operator";

	static final String PASSWORD = "s3cret";

	/** Every kind of dashboard route but the event stream. */
	static final List<String> ROUTES = routes();

	@Value("${local.server.port}")
	int port;

	@Autowired
	ActorSystem system;

	private static List<String> routes() {
		List<String> routes = new ArrayList<>(List.of("/xoscar", "/xoscar/", "/xoscar/api/snapshot"));
		routes.addAll(List.of(DashboardHttp.ASSETS));
		return List.copyOf(routes);
	}

	DashboardHttp anonymous() {
		return DashboardHttp.anonymous(this.port);
	}

	DashboardHttp user() {
		return DashboardHttp.basic(this.port, USER, PASSWORD);
	}

	@Test
	void anonymousRequestWithoutAcceptGets401WithABasicChallengeOnEveryRoute() throws Exception {
		for (String route : ROUTES) {
			assertBasicChallenge(route, anonymous().get(route));
			assertBasicChallenge(route, anonymous().get(route, "*/*"));
		}
	}

	@Test
	void anonymousBrowserGets302ToTheLoginPageOnEveryRoute() throws Exception {
		for (String route : ROUTES) {
			assertRedirectToLogin(route, anonymous().get(route, DashboardHttp.BROWSER_ACCEPT));
		}
		HttpResponse<String> login = anonymous().get("/login", DashboardHttp.BROWSER_ACCEPT);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("<form", "name=\"username\"", "name=\"password\"");
	}

	@Test
	void wrongPasswordGets401() throws Exception {
		assertBasicChallenge("/xoscar/api/snapshot",
				DashboardHttp.basic(this.port, USER, "wrong").get("/xoscar/api/snapshot"));
	}

	@Test
	void userWithBasicCredentialsGets200JsonSnapshotWithTheNodesAddress() throws Exception {
		ServedDashboard.assertSnapshotOf(this.system, user().get("/xoscar/api/snapshot"));
	}

	@Test
	void userWithBasicCredentialsGets200PageAssetsAndEventStream() throws Exception {
		ServedDashboard.assertRedirectToThePage(user().get("/xoscar"));
		ServedDashboard.assertPage(user().get("/xoscar/", DashboardHttp.BROWSER_ACCEPT));
		ServedDashboard.assertAssets(user());
		ServedDashboard.assertEventStream(user().events());
	}

	static void assertBasicChallenge(String route, HttpResponse<?> response) {
		assertThat(response.statusCode()).as(route).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).as(route)
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic realm=\"Realm\""));
		assertThat(response.headers().firstValue("Content-Type")).as(route).isEmpty();
	}

	static void assertRedirectToLogin(String route, HttpResponse<?> response) {
		assertThat(response.statusCode()).as(route).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).as(route)
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
	}

}
