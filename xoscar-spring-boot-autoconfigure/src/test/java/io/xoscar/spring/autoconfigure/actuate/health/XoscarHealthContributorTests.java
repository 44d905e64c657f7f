package io.xoscar.spring.autoconfigure.actuate.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.config.PoolConfig;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.testfixture.Backlogs;
import io.xoscar.spring.autoconfigure.testfixture.Holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the {@code xoscar} health contributor says of a running node: one component per pool,
 * following the pools as they are added and removed, with its active backlog alerts (DOWN for them if
 * so configured), part of the health endpoint but not of the probe groups.
 */
class XoscarHealthContributorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class,
				XoscarHealthContributorAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.cpu.count=2", "xoscar.pools.cpu.labels=cpu");

	public static class Worker extends StatelessActor {

		public String work() {
			return "done";
		}

	}

	@Test
	void hasOneUpComponentPerPool() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			system.createActor(Worker.class, CreateOptions.uid("worker").placement(Placement.pool(2))).join();
			CompositeHealthContributor xoscar = context.getBean("xoscarHealthContributor",
					CompositeHealthContributor.class);
			assertThat(names(xoscar)).containsExactly("main", "cpu-1", "cpu-2");
			Health cpu2 = health(xoscar, "cpu-2");
			assertThat(cpu2.getStatus()).isEqualTo(Status.UP);
			assertThat(cpu2.getDetails()).containsEntry("index", 2)
				.containsEntry("name", "cpu")
				.containsEntry("mode", "thread")
				.containsEntry("address", system.pools().get(2).address())
				.containsEntry("actors", 1)
				.containsEntry("backlog", 0L)
				.containsEntry("threads", 1)
				.containsEntry("pid", ProcessHandle.current().pid())
				.containsEntry("labels", List.of("cpu"));
			assertThat(health(xoscar, "main").getDetails()).containsEntry("actors", 0)
				.containsEntry("address", system.address());
			assertThat(xoscar.getContributor("cpu-3")).isNull();
			assertThat(xoscar.getContributor("cpu")).isNull();
		});
	}

	@Test
	void followsPoolsAddedAndRemovedAtRunTime() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			CompositeHealthContributor xoscar = context.getBean("xoscarHealthContributor",
					CompositeHealthContributor.class);
			system.addPools(PoolConfig.thread("io").count(2)).join();
			assertThat(names(xoscar)).containsExactly("main", "cpu-1", "cpu-2", "io-3", "io-4");
			assertThat(health(xoscar, "io-4").getStatus()).isEqualTo(Status.UP);
			HealthIndicator held = (HealthIndicator) xoscar.getContributor("io-3");

			system.removePool(3).join();
			assertThat(names(xoscar)).containsExactly("main", "cpu-1", "cpu-2", "io-4");
			assertThat(xoscar.getContributor("io-3")).isNull();
			Health removed = held.health();
			assertThat(removed.getStatus()).isEqualTo(Status.DOWN);
			assertThat(removed.getDetails()).containsEntry("removed", true);
		});
	}

	@Test
	void isAComponentOfTheHealthEndpointButNotOfTheProbes() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always",
					"management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				CompositeHealthDescriptor health = (CompositeHealthDescriptor) endpoint.health();
				// the overall status follows the readiness state too, which a context runner never makes ready
				assertThat(health.getComponents()).containsKeys("xoscar", "ping", "livenessState", "readinessState");
				CompositeHealthDescriptor xoscar = (CompositeHealthDescriptor) health.getComponents().get("xoscar");
				assertThat(xoscar.getStatus()).isEqualTo(Status.UP);
				assertThat(xoscar.getComponents()).containsOnlyKeys("main", "cpu-1", "cpu-2");
				IndicatedHealthDescriptor cpu1 = (IndicatedHealthDescriptor) endpoint.healthForPath("xoscar", "cpu-1");
				assertThat(cpu1.getStatus()).isEqualTo(Status.UP);
				assertThat(cpu1.getDetails()).containsEntry("index", 1);

				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.getNames()).contains("liveness", "readiness");
				for (String group : List.of("liveness", "readiness")) {
					assertThat(groups.get(group).isMember("xoscar")).as(group).isFalse();
				}
				assertThat(groups.getPrimary().isMember("xoscar")).isTrue();
			});
	}

	@Test
	void listsTheActiveBacklogAlertsOfAPoolThatStaysUp() {
		this.runner.withPropertyValues("xoscar.debug.backlog-threshold=200ms").run((context) -> {
			CompositeHealthContributor xoscar = context.getBean("xoscarHealthContributor",
					CompositeHealthContributor.class);
			withABacklogInCpu1(context.getBean(ActorSystem.class), () -> {
				await().atMost(10, TimeUnit.SECONDS)
					.until(() -> health(xoscar, "cpu-1").getDetails().containsKey("backlogAlerts"));
				Health cpu1 = health(xoscar, "cpu-1");
				assertThat(cpu1.getStatus()).isEqualTo(Status.UP);
				assertThat(backlogAlerts(cpu1)).singleElement().satisfies((alert) -> {
					assertThat(alert).containsEntry("uid", "holder").containsEntry("method", "ping");
					assertThat(alert).containsEntry("backlog", 1);
					assertThat((Long) alert.get("waitedMillis")).isGreaterThanOrEqualTo(200);
				});
				assertThat(health(xoscar, "cpu-2").getDetails()).doesNotContainKey("backlogAlerts");
				assertThat(health(xoscar, "main").getDetails()).doesNotContainKey("backlogAlerts");
			});
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> !health(xoscar, "cpu-1").getDetails().containsKey("backlogAlerts"));
		});
	}

	@Test
	void aPoolWithAnActiveBacklogAlertIsDownWhenBacklogsFailHealth() {
		this.runner.withPropertyValues("xoscar.debug.backlog-threshold=200ms", "xoscar.debug.backlog-fails-health=true")
			.run((context) -> {
				CompositeHealthContributor xoscar = context.getBean("xoscarHealthContributor",
						CompositeHealthContributor.class);
				withABacklogInCpu1(context.getBean(ActorSystem.class), () -> {
					await().atMost(10, TimeUnit.SECONDS)
						.until(() -> health(xoscar, "cpu-1").getStatus().equals(Status.DOWN));
					assertThat(backlogAlerts(health(xoscar, "cpu-1"))).hasSize(1);
					assertThat(health(xoscar, "cpu-2").getStatus()).isEqualTo(Status.UP);
				});
				await().atMost(10, TimeUnit.SECONDS)
					.until(() -> health(xoscar, "cpu-1").getStatus().equals(Status.UP));
			});
	}

	/**
	 * Runs the checks while actor {@code holder} of pool cpu-1 runs a call and a second one waits in
	 * its mailbox, then lets both run.
	 */
	private static void withABacklogInCpu1(ActorSystem system, Backlogs.Checks checks) throws Exception {
		ActorHandle<Holder> holder = system
			.createActor(Holder.class, CreateOptions.uid("holder").placement(Placement.pool(1)))
			.join();
		Backlogs.withABacklog(holder, WAIT, checks);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> backlogAlerts(Health health) {
		return (List<Map<String, Object>>) health.getDetails().get("backlogAlerts");
	}

	private static List<String> names(CompositeHealthContributor composite) {
		return composite.stream().map(HealthContributors.Entry::name).toList();
	}

	private static Health health(CompositeHealthContributor composite, String name) {
		return ((HealthIndicator) composite.getContributor(name)).health();
	}

}
