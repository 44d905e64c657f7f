package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.xoscar.ActorSystem;
import io.xoscar.ProcessPoolChild;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.PoolConfig.PoolMode;

import static org.assertj.core.api.Assertions.assertThat;

class XoscarAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class));

	@Test
	void startsAnActorSystemFromProperties() {
		this.runner.withPropertyValues("xoscar.main-pool-threads=3", "xoscar.debug.call-timeout=5s").run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			ActorSystemConfig config = context.getBean(ActorSystemConfig.class);
			assertThat(config.node().mainPoolThreads()).isEqualTo(3);
			assertThat(config.calls().timeout()).hasSeconds(5);
			assertThat(context.getBean(ActorSystem.class).address()).startsWith("127.0.0.1:").doesNotEndWith(":0");
		});
	}

	@Test
	void defaultsMatchTheCoreDefaults() {
		this.runner.withUserConfiguration(UserSystem.class).run((context) -> {
			ActorSystemConfig config = context.getBean(ActorSystemConfig.class);
			ActorSystemConfig core = ActorSystemConfig.builder().build();
			assertThat(config).usingRecursiveComparison().ignoringFields("integration.actorFactory").isEqualTo(core);
			assertThat(config.integration().actorFactory()).isInstanceOf(BeanFactoryActorFactory.class);
		});
	}

	@Test
	void startsThreadPoolsInDeclarationOrder() {
		this.runner
			.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.io.count=2", "xoscar.pools.io.threads=2",
					"xoscar.pools.io.labels=io,blocking", "xoscar.pools.cpu.labels=cpu")
			.run((context) -> {
				List<PoolInfo> pools = context.getBean(ActorSystem.class).pools();
				assertThat(pools).extracting(PoolInfo::name).containsExactly("main", "io", "io", "cpu");
				assertThat(pools.get(1).threads()).isEqualTo(2);
				assertThat(pools.get(1).labels()).containsExactlyInAnyOrder("io", "blocking");
				assertThat(pools.get(3).labels()).containsExactly("cpu");
				assertThat(pools).extracting(PoolInfo::mode).containsOnly(PoolMode.THREAD);
			});
	}

	@Test
	void mapsEveryPropertyIntoTheActorSystemConfig() {
		this.runner.withUserConfiguration(UserSystem.class)
			.withPropertyValues("xoscar.address=127.0.0.1:7701", "xoscar.main-pool-threads=2",
					"xoscar.pools.cpu.count=2", "xoscar.pools.cpu.mode=thread", "xoscar.pools.cpu.threads=4",
					"xoscar.pools.cpu.labels[0]=cpu", "xoscar.pools.gpu.count=2", "xoscar.pools.gpu.mode=process",
					"xoscar.pools.gpu.labels[0]=gpu", "xoscar.pools.gpu.cuda-devices[0]=0",
					"xoscar.pools.gpu.cuda-devices[1]=1", "xoscar.pools.gpu.jvm-args[0]=-Xmx2g",
					"xoscar.pools.gpu.env.OMP_NUM_THREADS=4", "xoscar.pools.gpu.start-timeout=1m",
					"xoscar.debug.call-timeout=10s", "xoscar.debug.slow-call-threshold=1500ms",
					"xoscar.debug.backlog-threshold=20s", "xoscar.debug.history=50",
					"xoscar.debug.deadlock-detection=false", "xoscar.transport.max-frame-size=16MB",
					"xoscar.transport.connect-timeout=2s", "xoscar.transport.unix-sockets=false",
					"xoscar.transport.shared-memory=8MB", "xoscar.advertised-address=10.0.0.5",
					"xoscar.transport.incomplete-frame-memory=64MB", "xoscar.transport.frame-read-timeout=5s",
					"xoscar.transport.exception-packages=com.example.errors,org.acme")
			.run((context) -> {
				ActorSystemConfig config = context.getBean(ActorSystemConfig.class);
				assertThat(config.node().address()).isEqualTo("127.0.0.1:7701");
				assertThat(config.node().mainPoolThreads()).isEqualTo(2);
				assertThat(config.calls().timeout()).hasSeconds(10);
				assertThat(config.debug().slowCallThreshold()).hasMillis(1500);
				assertThat(config.debug().backlogThreshold()).hasSeconds(20);
				assertThat(config.debug().history()).isEqualTo(50);
				assertThat(config.calls().deadlockDetection()).isFalse();
				assertThat(config.transport().maxFrameSize()).isEqualTo(16 * 1024 * 1024);
				assertThat(config.transport().connectTimeout()).hasSeconds(2);
				assertThat(config.transport().unixSockets()).isFalse();
				assertThat(config.transport().sharedMemory()).isEqualTo(8 * 1024 * 1024);
				assertThat(config.transport().incompleteFrameMemory()).isEqualTo(64L * 1024 * 1024);
				assertThat(config.transport().frameReadTimeout()).hasSeconds(5);
				assertThat(config.node().advertisedAddress()).isEqualTo("10.0.0.5");
				assertThat(config.transport().exceptionPackages()).containsExactly("com.example.errors", "org.acme");
				assertThat(config.node().pools()).containsExactly(
						new PoolConfig("cpu", 2, PoolMode.THREAD, 4, Set.of("cpu"), Map.of(), List.of(), List.of(),
								Duration.ofSeconds(30)),
						new PoolConfig("gpu", 2, PoolMode.PROCESS, 1, Set.of("gpu"), Map.of("OMP_NUM_THREADS", "4"),
								List.of("-Xmx2g"), List.of("0", "1"), Duration.ofMinutes(1)));
			});
	}

	@Test
	void appliesCustomizersInOrder() {
		this.runner.withUserConfiguration(UserSystem.class, Customizers.class)
			.withPropertyValues("xoscar.pools.cpu.count=1")
			.run((context) -> {
				ActorSystemConfig config = context.getBean(ActorSystemConfig.class);
				assertThat(config.node().pools()).extracting(PoolConfig::name).containsExactly("cpu", "first", "second");
				assertThat(config.calls().timeout()).hasSeconds(7);
			});
	}

	@Test
	void aProcessPoolsNodeGetsOnlyProcessPoolCustomizers() {
		ProcessPoolRole role = new ProcessPoolRole(ProcessPoolChild.parse(new String[] { "--xoscar-pool.threads=2" }));
		this.runner.withUserConfiguration(UserSystem.class, Customizers.class)
			.withBean(ProcessPoolRole.BEAN_NAME, ProcessPoolRole.class, () -> role)
			.withBean(XoscarProcessPoolCustomizer.class, () -> (builder) -> builder.debugHistory(7))
			.withPropertyValues("xoscar.pools.cpu.count=1")
			.run((context) -> {
				ActorSystemConfig config = context.getBean(ActorSystemConfig.class);
				assertThat(config.node().mainPoolThreads()).isEqualTo(2);
				assertThat(config.node().pools()).as("the pool's node has no pools of its own").isEmpty();
				assertThat(config.calls().timeout()).hasSeconds(60);
				assertThat(config.debug().history()).isEqualTo(7);
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("xoscar.enabled=false", "xoscar.pools.cpu.count=0").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(ActorSystemConfig.class);
			assertThat(context).doesNotHaveBean(XoscarProperties.class);
		});
	}

	@Test
	void backsOffToAUserDefinedActorSystem() {
		this.runner.withUserConfiguration(UserSystem.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class);
			assertThat(context.getBean(ActorSystem.class)).isSameAs(context.getBean(UserSystem.class).system);
		});
	}

	@Test
	void backsOffToAUserDefinedActorSystemConfig() {
		this.runner.withUserConfiguration(UserConfig.class)
			.withPropertyValues("xoscar.main-pool-threads=3")
			.run((context) -> {
				assertThat(context).hasSingleBean(ActorSystemConfig.class);
				assertThat(context.getBean(ActorSystemConfig.class).node().mainPoolThreads()).isEqualTo(1);
				assertThat(context.getBean(ActorSystem.class).pools()).hasSize(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSystem {

		final ActorSystem system = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());

		@Bean(destroyMethod = "close")
		ActorSystem userActorSystem() {
			return this.system;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConfig {

		@Bean
		ActorSystemConfig userActorSystemConfig() {
			return ActorSystemConfig.builder().mainPoolThreads(1).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		@Order(2)
		XoscarActorSystemCustomizer second() {
			return (builder) -> builder.pool(PoolConfig.thread("second")).callTimeout(Duration.ofSeconds(7));
		}

		@Bean
		@Order(1)
		XoscarActorSystemCustomizer first() {
			return (builder) -> builder.pool(PoolConfig.thread("first")).callTimeout(Duration.ofSeconds(3));
		}

	}

}
