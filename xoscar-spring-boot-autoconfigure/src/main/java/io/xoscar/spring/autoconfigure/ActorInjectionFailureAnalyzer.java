package io.xoscar.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports an {@link ActorInjectionException}: which injection point, why the starter cannot serve
 * it, and what to inject instead. Runs before Spring Boot's generic analyzers, which would only say
 * that no bean qualifies.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ActorInjectionFailureAnalyzer extends AbstractFailureAnalyzer<ActorInjectionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ActorInjectionException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
