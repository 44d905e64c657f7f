package io.xoscar.spring.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.xoscar.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard behind the README's chain, which lets only role {@code OPS} at {@code /xoscar} and
 * {@code /xoscar/**} and asks every other request for any login, by HTTP basic only: on Spring MVC
 * ({@link ReadmeChainOverMvcTests}, {@link ReadmeMvcSecurity}) and WebFlux
 * ({@link ReadmeChainOverWebFluxTests}, {@link ReadmeWebFluxSecurity}). The answers are the same
 * on both stacks.
 */
abstract class ReadmeChainTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	ActorSystem system;

	DashboardHttp ops() {
		return DashboardHttp.basic(this.port, Operators.OPS, Operators.OPS_PASSWORD);
	}

	DashboardHttp dev() {
		return DashboardHttp.basic(this.port, Operators.DEV, Operators.DEV_PASSWORD);
	}

	DashboardHttp anonymous() {
		return DashboardHttp.anonymous(this.port);
	}

	@Test
	void opsUserGets200OnEveryRoute() throws Exception {
		ServedDashboard.assertRedirectToThePage(ops().get("/xoscar"));
		ServedDashboard.assertPage(ops().get("/xoscar/", DashboardHttp.BROWSER_ACCEPT));
		ServedDashboard.assertSnapshotOf(this.system, ops().get("/xoscar/api/snapshot"));
		ServedDashboard.assertEventStream(ops().events());
		ServedDashboard.assertAssets(ops());
	}

	@Test
	void authenticatedUserWithoutOpsGets403OnEveryRoute() throws Exception {
		for (String route : DefaultChainTests.ROUTES) {
			assertForbidden(route, dev().get(route));
			assertForbidden(route, dev().get(route, DashboardHttp.BROWSER_ACCEPT));
		}
		assertForbidden("/xoscar/api/events", dev().events());
	}

	@Test
	void authenticatedUserWithoutOpsGetsElsewhere() throws Exception {
		HttpResponse<String> health = dev().get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void anonymousGets401WithABasicChallengeOnEveryRouteEvenFromABrowser() throws Exception {
		for (String route : DefaultChainTests.ROUTES) {
			DefaultChainTests.assertBasicChallenge(route, anonymous().get(route));
			DefaultChainTests.assertBasicChallenge(route, anonymous().get(route, DashboardHttp.BROWSER_ACCEPT));
		}
		DefaultChainTests.assertBasicChallenge("/xoscar/api/events", anonymous().events());
		DefaultChainTests.assertBasicChallenge("/actuator/health", anonymous().get("/actuator/health"));
	}

	@Test
	void wrongPasswordGets401() throws Exception {
		DefaultChainTests.assertBasicChallenge("/xoscar/api/snapshot",
				DashboardHttp.basic(this.port, Operators.OPS, "wrong").get("/xoscar/api/snapshot"));
	}

	static void assertForbidden(String route, HttpResponse<?> response) {
		assertThat(response.statusCode()).as(route).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(route)
			.doesNotStartWith("text/event-stream");
	}

}
