package io.xoscar.benchmarks.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.xoscar.benchmarks.Systems;

/**
 * The Spring Boot application of the Spring benchmarks: no web server, one process pool {@code gpu}
 * (1 thread, {@link Systems#CHILD_JVM_ARGS}) whose child JVM runs this application's context, and
 * the {@link GpuCounter} actor there. Process restarts are not limited and have no backoff
 * ({@code xoscar.recovery.*}), as in {@code ProcessPoolRecovery}.
 * {@link ChildClock} notes when the steps of each JVM's start happened.
 */
@SpringBootApplication
public class RecoveryApplication {

	/**
	 * @param pools whether {@code gpu} is a process pool (else a thread pool, for benchmarks that add
	 * their own process pools)
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(boolean pools) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("xoscar.main-pool-threads", "1");
		properties.put("xoscar.debug.call-timeout", Systems.TIMEOUT.toMillis() + "ms");
		// as ProcessPoolRecovery: every kill a first restart, without waiting
		properties.put("xoscar.recovery.max-restarts", "1000");
		properties.put("xoscar.recovery.restart-window", "1m");
		properties.put("xoscar.recovery.min-backoff", "0ms");
		properties.put("xoscar.recovery.max-backoff", "0ms");
		properties.put("xoscar.recovery.jitter", "0");
		if (pools) {
			properties.put("xoscar.pools.gpu.mode", "process");
			properties.put("xoscar.pools.gpu.count", "1");
			properties.put("xoscar.pools.gpu.threads", "1");
			properties.put("xoscar.pools.gpu.jvm-args", String.join(",", Systems.CHILD_JVM_ARGS));
		}
		else {
			// the actor's pool must exist for the application to start; a thread pool costs nothing
			properties.put("xoscar.pools.gpu.mode", "thread");
		}
		SpringApplication application = new SpringApplication(RecoveryApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(properties);
		return application.run();
	}

	@Bean
	static NodeClock nodeClock() {
		return new NodeClock();
	}

}
