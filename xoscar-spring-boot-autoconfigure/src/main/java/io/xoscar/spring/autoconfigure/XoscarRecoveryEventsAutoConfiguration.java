package io.xoscar.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.spring.event.XoscarRecoveryEvent;

/**
 * Publishes what the node's recovery does as application events ({@link XoscarRecoveryEvent}s: a
 * process pool down, restarting, restarted or given up, an actor restarted or given up), with the
 * {@link ActorSystem} as source. Works with the auto-configured {@link ActorSystem} and with an
 * application's own: a listener is added to each {@link ActorSystem} bean when it is initialized and
 * removed before it is destroyed.
 * <p>
 * Events are published from the refresh of the context to its close; those that come while the
 * context starts are held and published, in order, once it is refreshed. Not in a process pool's
 * child JVM: its pool's recovery is the parent's, whose context publishes it.
 */
@AutoConfiguration(after = XoscarAutoConfiguration.class)
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnBean(ActorSystem.class)
@ConditionalOnMissingBean(ProcessPoolRole.class)
public final class XoscarRecoveryEventsAutoConfiguration {

	@Bean
	static RecoveryEventRegistrar xoscarRecoveryEventRegistrar() {
		return new RecoveryEventRegistrar();
	}

}
