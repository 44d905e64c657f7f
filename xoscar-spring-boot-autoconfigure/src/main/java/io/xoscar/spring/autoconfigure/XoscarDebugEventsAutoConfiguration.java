package io.xoscar.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorSystem;
import io.xoscar.spring.event.DeadlockDetectedEvent;
import io.xoscar.spring.event.SlowCallEndedEvent;
import io.xoscar.spring.event.SlowCallEvent;
import io.xoscar.spring.event.XoscarDebugEvent;

/**
 * Publishes what the node detects as application events ({@link XoscarDebugEvent}s): a
 * {@link DeadlockDetectedEvent} per deadlock, a {@link SlowCallEvent} per slow-call or backlog
 * alert and a {@link SlowCallEndedEvent} when its call ends, with the {@link ActorSystem} as source.
 * Works with the auto-configured {@link ActorSystem} and with an application's own: a listener is
 * added to each {@link ActorSystem} bean when it is initialized and removed before it is destroyed.
 * <p>
 * Events are published from the refresh of the context to its close; those detected while the
 * context starts (by actors created by beans or by {@code @XActor} creation) are held and published,
 * in order, once it is refreshed. Not in a process pool's child JVM: what a child detects is
 * published by the parent's context, so listeners hear about it once.
 */
@AutoConfiguration(after = XoscarAutoConfiguration.class)
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnBean(ActorSystem.class)
@ConditionalOnMissingBean(ProcessPoolRole.class)
public final class XoscarDebugEventsAutoConfiguration {

	@Bean
	static DebugEventRegistrar xoscarDebugEventRegistrar() {
		return new DebugEventRegistrar();
	}

}
