package io.xoscar.spring.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.spring.security.app.DashboardApplication;

/** The dashboard on Spring WebFlux (Netty) behind the README's {@code SecurityWebFilterChain}. */
@SpringBootTest(classes = { DashboardApplication.class, ReadmeWebFluxSecurity.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.main.web-application-type=reactive",
				"xoscar.main-pool-threads=2", "xoscar.dashboard.enabled=true" })
class ReadmeChainOverWebFluxTests extends ReadmeChainTests {

}
