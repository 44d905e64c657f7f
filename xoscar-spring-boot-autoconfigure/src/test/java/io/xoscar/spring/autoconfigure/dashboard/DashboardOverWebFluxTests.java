package io.xoscar.spring.autoconfigure.dashboard;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The dashboard on Spring WebFlux (Netty), over HTTP.
 */
@SpringBootTest(classes = DashboardOverHttpTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "xoscar.main-pool-threads=2",
				"xoscar.pools.cpu.count=1", "xoscar.dashboard.enabled=true" })
class DashboardOverWebFluxTests extends DashboardOverHttpTests {

	@Autowired
	private DashboardWebFluxRoutes routes;

	@Override
	int activeStreams() {
		return this.routes.activeStreams();
	}

}
