package io.xoscar.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void describesEveryProperty() throws IOException {
		List<JsonNode> properties = xoscar("properties");
		assertThat(properties).extracting((property) -> property.get("name").asString())
			.containsExactlyInAnyOrder("xoscar.enabled", "xoscar.address", "xoscar.advertised-address", "xoscar.main-pool-threads", "xoscar.pools",
					"xoscar.debug.slow-call-threshold", "xoscar.debug.call-timeout", "xoscar.debug.deadlock-detection",
					"xoscar.debug.backlog-threshold", "xoscar.debug.backlog-fails-health", "xoscar.debug.history",
					"xoscar.recovery.restart-actors", "xoscar.recovery.restart-processes", "xoscar.recovery.max-restarts",
					"xoscar.recovery.restart-window", "xoscar.recovery.min-backoff", "xoscar.recovery.max-backoff",
					"xoscar.recovery.jitter", "xoscar.recovery.restart-wait", "xoscar.security.token",
					"xoscar.security.allow-unauthenticated", "xoscar.security.handshake-timeout",
					"xoscar.security.max-pending-handshakes", "xoscar.security.tls.bundle", "xoscar.security.tls.client-auth",
					"xoscar.security.tls.verify-hostname", "xoscar.transport.max-frame-size",
					"xoscar.transport.connect-timeout", "xoscar.transport.unix-sockets",
					"xoscar.transport.exception-packages", "xoscar.transport.shared-memory",
					"xoscar.transport.incomplete-frame-memory", "xoscar.transport.frame-read-timeout",
					"xoscar.web.problem-details.enabled", "xoscar.web.problem-details.retry-after",
					"xoscar.dashboard.enabled", "xoscar.dashboard.path");
		assertThat(properties).allSatisfy((property) -> {
			JsonNode description = property.get("description");
			assertThat(description).as("description of %s", property.get("name")).isNotNull();
			assertThat(description.asString()).as("description of %s", property.get("name"))
				.isNotBlank()
				.doesNotContain("{@")
				.endsWith(".");
		});
	}

	@Test
	void recordsDefaults() throws IOException {
		assertThat(xoscar("properties")).filteredOn((property) -> property.has("defaultValue"))
			.extracting((property) -> property.get("name").asString() + "=" + property.get("defaultValue").asString())
			.contains("xoscar.enabled=true", "xoscar.address=127.0.0.1:0", "xoscar.debug.call-timeout=60s",
					"xoscar.debug.slow-call-threshold=2s", "xoscar.debug.backlog-threshold=10s",
					"xoscar.debug.backlog-fails-health=false", "xoscar.debug.history=100",
					"xoscar.transport.max-frame-size=256MB",
					"xoscar.transport.connect-timeout=5s", "xoscar.transport.frame-read-timeout=30s",
					"xoscar.web.problem-details.enabled=true", "xoscar.web.problem-details.retry-after=5s",
					"xoscar.dashboard.enabled=false", "xoscar.dashboard.path=/xoscar",
					"xoscar.recovery.restart-processes=true", "xoscar.recovery.restart-actors=true",
					"xoscar.recovery.max-restarts=5", "xoscar.recovery.restart-window=1m",
					"xoscar.recovery.min-backoff=200ms", "xoscar.recovery.max-backoff=10s", "xoscar.recovery.jitter=0.2",
					"xoscar.recovery.restart-wait=30s", "xoscar.security.allow-unauthenticated=false",
					"xoscar.security.handshake-timeout=5s", "xoscar.security.max-pending-handshakes=64",
					"xoscar.security.tls.client-auth=none", "xoscar.security.tls.verify-hostname=true");
	}

	@Test
	void hintsAtAddressesAndPoolNames() throws IOException {
		assertThat(xoscar("hints")).extracting((hint) -> hint.get("name").asString())
			.contains("xoscar.address", "xoscar.pools.keys");
		assertThat(xoscar("hints")).allSatisfy((hint) -> assertThat(hint.get("values"))
			.allSatisfy((value) -> assertThat(value.get("description").asString()).isNotBlank()));
	}

	private static List<JsonNode> xoscar(String section) throws IOException {
		List<JsonNode> found = new ArrayList<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode node : JsonMapper.shared().readTree(in).path(section)) {
					if (node.get("name").asString().startsWith("xoscar.")) {
						found.add(node);
					}
				}
			}
		}
		return found;
	}

}
