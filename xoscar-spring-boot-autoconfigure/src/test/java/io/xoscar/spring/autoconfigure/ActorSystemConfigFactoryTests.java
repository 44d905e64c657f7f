package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.PoolConfig.PoolMode;

import static org.assertj.core.api.Assertions.assertThat;

class ActorSystemConfigFactoryTests {

	@Test
	void mapsProcessPoolsWithTheirGroupName() {
		XoscarProperties properties = bind(Map.of("xoscar.pools.gpu.mode", "PROCESS", "xoscar.pools.gpu.count", "2",
				"xoscar.pools.gpu.threads", "3", "xoscar.pools.gpu.labels", "gpu,cuda", "xoscar.pools.gpu.cuda-devices",
				"0,1", "xoscar.pools.gpu.env.OMP_NUM_THREADS", "4", "xoscar.pools.gpu.jvm-args", "-Xmx2g,-Xss1m",
				"xoscar.pools.gpu.start-timeout", "45s"));
		ActorSystemConfig config = ActorSystemConfigFactory.builder(properties).build();
		assertThat(config.node().pools()).containsExactly(new PoolConfig("gpu", 2, PoolMode.PROCESS, 3, Set.of("gpu", "cuda"),
				Map.of("OMP_NUM_THREADS", "4"), List.of("-Xmx2g", "-Xss1m"), List.of("0", "1"), Duration.ofSeconds(45)));
	}

	@Test
	void poolDefaultsMatchTheCoreDefaultsWithTheGroupNameAsALabel() {
		XoscarProperties properties = bind(Map.of("xoscar.pools.cpu.count", "1"));
		assertThat(ActorSystemConfigFactory.builder(properties).build().node().pools())
			.containsExactly(PoolConfig.thread("cpu").labels("cpu"));
	}

	@Test
	void keepsTheDeclarationOrderOfManyPools() {
		Map<String, String> source = new LinkedHashMap<>();
		List<String> names = List.of("zeta", "alpha", "mu", "beta", "omega", "gamma", "delta", "epsilon", "eta");
		names.forEach((name) -> source.put("xoscar.pools." + name + ".count", "1"));
		assertThat(ActorSystemConfigFactory.builder(bind(source)).build().node().pools()).extracting(PoolConfig::name)
			.containsExactlyElementsOf(names);
	}

	@Test
	void mapsTheSecuritySettings() {
		XoscarProperties properties = bind(Map.of("xoscar.security.token", "shared-secret",
				"xoscar.security.allow-unauthenticated", "true", "xoscar.security.handshake-timeout", "750ms",
				"xoscar.security.max-pending-handshakes", "8"));
		ActorSystemConfig config = ActorSystemConfigFactory.builder(properties).build();
		assertThat(config.security().token()).isEqualTo("shared-secret");
		assertThat(config.security().allowUnauthenticated()).isTrue();
		assertThat(config.security().handshakeTimeout()).isEqualTo(Duration.ofMillis(750));
		assertThat(config.security().maxPendingHandshakes()).isEqualTo(8);
		assertThat(config.toString()).doesNotContain("shared-secret");
		assertThat(properties.toString()).doesNotContain("shared-secret");
	}

	@Test
	void anEmptyTokenIsNone() {
		ActorSystemConfig config = ActorSystemConfigFactory.builder(bind(Map.of("xoscar.security.token", ""))).build();
		assertThat(config.security().authenticated()).isFalse();
		assertThat(config.security().allowUnauthenticated()).isFalse();
		assertThat(config.security().handshakeTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.security().maxPendingHandshakes()).isEqualTo(64);
	}

	@Test
	void mapsTheDebugSettings() {
		XoscarProperties properties = bind(Map.of("xoscar.debug.slow-call-threshold", "750ms",
				"xoscar.debug.backlog-threshold", "3s", "xoscar.debug.history", "7", "xoscar.debug.call-timeout", "9s",
				"xoscar.debug.deadlock-detection", "false"));
		ActorSystemConfig config = ActorSystemConfigFactory.builder(properties).build();
		assertThat(config.debug().slowCallThreshold()).isEqualTo(Duration.ofMillis(750));
		assertThat(config.debug().backlogThreshold()).isEqualTo(Duration.ofSeconds(3));
		assertThat(config.debug().history()).isEqualTo(7);
		assertThat(config.calls().timeout()).isEqualTo(Duration.ofSeconds(9));
		assertThat(config.calls().deadlockDetection()).isFalse();
	}

	@Test
	void debugDefaultsMatchTheCoreDefaults() {
		ActorSystemConfig config = ActorSystemConfigFactory.builder(bind(Map.of())).build();
		ActorSystemConfig core = ActorSystemConfig.builder().build();
		assertThat(config.debug().slowCallThreshold()).isEqualTo(core.debug().slowCallThreshold());
		assertThat(config.debug().backlogThreshold()).isEqualTo(core.debug().backlogThreshold());
		assertThat(config.debug().history()).isEqualTo(core.debug().history());
		assertThat(bind(Map.of()).debug().backlogFailsHealth()).isFalse();
	}

	private static XoscarProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("xoscar",
				XoscarProperties.class);
	}

}
