package io.xoscar.spring.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.spring.security.app.DashboardApplication;

/**
 * The dashboard on Spring WebFlux (Netty) behind Boot's default chain. Its login redirect's
 * {@code Location} is relative ({@code /login}); its challenge {@code Basic realm="Realm"}.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "xoscar.main-pool-threads=2",
				"xoscar.dashboard.enabled=true", "spring.security.user.name=" + DefaultChainTests.USER,
				"spring.security.user.password=" + DefaultChainTests.PASSWORD })
class DefaultChainOverWebFluxTests extends DefaultChainTests {

	/**
	 * {@code text/event-stream} is not a browser's page request, and the reactive chain's fallback
	 * entry point is HTTP basic's.
	 */
	@Test
	void anonymousEventSourceGets401WithABasicChallenge() throws Exception {
		assertBasicChallenge("/xoscar/api/events", anonymous().events());
	}

}
