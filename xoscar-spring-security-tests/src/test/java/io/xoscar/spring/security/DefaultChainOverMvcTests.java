package io.xoscar.spring.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.spring.security.app.DashboardApplication;

/**
 * The dashboard on Spring MVC (Tomcat) behind Boot's default chain. Its login redirect's
 * {@code Location} is absolute ({@code http://127.0.0.1:<port>/login}); its challenge
 * {@code Basic realm="Realm", charset="UTF-8"}.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "xoscar.main-pool-threads=2",
				"xoscar.dashboard.enabled=true", "spring.security.user.name=" + DefaultChainTests.USER,
				"spring.security.user.password=" + DefaultChainTests.PASSWORD })
class DefaultChainOverMvcTests extends DefaultChainTests {

	/**
	 * {@code text/event-stream} matches none of the basic entry point's media types, so the servlet
	 * chain falls back to its first entry point, the form login's.
	 */
	@Test
	void anonymousEventSourceGets302ToTheLoginPage() throws Exception {
		assertRedirectToLogin("/xoscar/api/events", anonymous().events());
	}

}
