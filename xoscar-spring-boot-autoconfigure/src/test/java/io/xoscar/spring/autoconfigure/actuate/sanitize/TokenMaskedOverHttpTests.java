package io.xoscar.spring.autoconfigure.actuate.sanitize;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.spring.autoconfigure.testfixture.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token over HTTP on a real server, with the actuator told to show values: {@code /actuator/env}
 * and {@code /actuator/configprops} mask it, under its own key, in its environment-variable form, and
 * in the property a placeholder took it from; other values show.
 */
@SpringBootTest(classes = TokenMaskedOverHttpTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xoscar.main-pool-threads=1", "test.cluster-secret=" + TokenMaskedOverHttpTests.TOKEN,
				"xoscar.security.token=${test.cluster-secret}", "XOSCAR_SECURITY_TOKEN=" + TokenMaskedOverHttpTests.TOKEN,
				"test.visible=plainly-visible", "management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
class TokenMaskedOverHttpTests {

	static final String TOKEN = "k3ep-this-0ut-of-the-actuator";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ActorSystemConfig config;

	@Test
	void envShowsValuesButNotTheToken() throws Exception {
		String env = get("/actuator/env");
		assertThat(env).contains("plainly-visible").contains("xoscar.security.token").doesNotContain(TOKEN);
		assertThat(get("/actuator/env/xoscar.security.token")).doesNotContain(TOKEN).contains("******");
	}

	@Test
	void configpropsShowsValuesButNotTheToken() throws Exception {
		String configprops = get("/actuator/configprops");
		assertThat(configprops).contains("handshakeTimeout").contains("\"token\":\"******\"").doesNotContain(TOKEN);
	}

	@Test
	void theNodeHasTheToken() {
		assertThat(this.config.security().token()).isEqualTo(TOKEN);
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, Duration.ofSeconds(10));
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
