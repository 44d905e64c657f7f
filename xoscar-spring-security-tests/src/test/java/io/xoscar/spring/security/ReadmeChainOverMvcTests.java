package io.xoscar.spring.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.spring.security.app.DashboardApplication;

/** The dashboard on Spring MVC (Tomcat) behind the README's {@code SecurityFilterChain}. */
@SpringBootTest(classes = { DashboardApplication.class, ReadmeMvcSecurity.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.main.web-application-type=servlet",
				"xoscar.main-pool-threads=2", "xoscar.dashboard.enabled=true" })
class ReadmeChainOverMvcTests extends ReadmeChainTests {

}
