package io.xoscar.spring.autoconfigure.actuate.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.spring.autoconfigure.XoscarProperties;

/**
 * The health contributor {@code xoscar}: one component per pool of the node (see
 * {@link XoscarHealthContributor}); {@code xoscar.debug.backlog-fails-health=true} reports a pool
 * with an active backlog alert DOWN. A process pool that recovery restarts is {@code RESTARTING},
 * which answers 503 and ranks between DOWN and UP unless the application's
 * {@code management.endpoint.health.status.*} says otherwise ({@link RestartingStatusDefaults}). Needs Spring Boot's health module ({@code spring-boot-health},
 * which {@code spring-boot-starter-actuator} brings) and an {@link ActorSystem} bean;
 * {@code management.health.xoscar.enabled=false} turns it off, a bean named
 * {@code xoscarHealthContributor} replaces it. Like other contributors it is not part of the
 * {@code liveness} and {@code readiness} groups unless they include it
 * ({@code management.endpoint.health.group.readiness.include=readinessState,xoscar}).
 */
@AutoConfiguration(after = XoscarAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ ActorSystem.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ActorSystem.class)
public final class XoscarHealthContributorAutoConfiguration {

	// conditions from optional modules go on the method: the class's conditions are checked first
	@Bean
	@ConditionalOnEnabledHealthIndicator("xoscar")
	@ConditionalOnMissingBean(name = "xoscarHealthContributor")
	CompositeHealthContributor xoscarHealthContributor(ActorSystem system,
			ObjectProvider<XoscarProperties> properties) {
		// no properties with xoscar.enabled=false and an application's own node: the default applies
		XoscarProperties bound = properties.getIfAvailable();
		boolean backlogFailsHealth = bound != null && bound.debug().backlogFailsHealth();
		return new XoscarHealthContributor(system, backlogFailsHealth);
	}

}
