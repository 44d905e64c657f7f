package io.xoscar.test.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.xoscar.spring.autoconfigure.XoscarActorSystemCustomizer;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;
import io.xoscar.test.DebugEventRecorder;
import io.xoscar.test.ManualClock;

/**
 * Test auto-configuration imported by {@link AutoConfigureXoscarTest}: a {@link DebugEventRecorder}
 * bean and, with {@code xoscar.test.manual-clock=true}, a {@link ManualClock} bean, both given to the
 * auto-configured actor system through an {@link XoscarActorSystemCustomizer}.
 */
@AutoConfiguration(before = XoscarAutoConfiguration.class)
public final class XoscarTestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DebugEventRecorder xoscarTestDebugEventRecorder() {
		return new DebugEventRecorder();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("xoscar.test.manual-clock")
	ManualClock xoscarTestManualClock() {
		return new ManualClock();
	}

	@Bean
	XoscarActorSystemCustomizer xoscarTestCustomizer(DebugEventRecorder recorder, ObjectProvider<ManualClock> clock) {
		return (builder) -> {
			builder.debugListener(recorder);
			clock.ifAvailable(builder::clock);
		};
	}

}
