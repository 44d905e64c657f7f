package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;

import io.xoscar.recovery.RestartLimits;
import io.xoscar.recovery.Supervision;
import io.xoscar.spring.XActor;

/**
 * The {@link Supervision} an {@link XActor @XActor} declares ({@code restartOn},
 * {@code restartOnPostCreateFailure}, {@code maxRestarts}, {@code restartWithin}, the backoff),
 * checked at start: a bad value fails the context naming the bean.
 */
final class XActorSupervision {

	private XActorSupervision() {
	}

	/**
	 * @param actor the annotation
	 * @param beanFactory resolves {@code ${...}} placeholders of the durations
	 * @param where names the bean in errors
	 * @return the supervision ({@link Supervision#NONE} when it restarts on nothing)
	 * @throws IllegalStateException if a value is invalid
	 */
	static Supervision of(XActor actor, ConfigurableListableBeanFactory beanFactory, String where) {
		Duration within = duration(beanFactory, "restartWithin", actor.restartWithin(), where);
		Duration minBackoff = duration(beanFactory, "minBackoff", actor.minBackoff(), where);
		Duration maxBackoff = duration(beanFactory, "maxBackoff", actor.maxBackoff(), where);
		RestartLimits limits;
		try {
			limits = RestartLimits.DEFAULTS.withMaxRestarts(actor.maxRestarts(), within)
				.withBackoff(minBackoff, maxBackoff);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + ": invalid supervision: " + ex.getMessage(), ex);
		}
		if (actor.restartOn().length == 0 && !actor.restartOnPostCreateFailure()) {
			return Supervision.NONE;
		}
		return new Supervision(List.of(actor.restartOn()), actor.restartOnPostCreateFailure(), limits);
	}

	private static Duration duration(ConfigurableListableBeanFactory beanFactory, String attribute, String value,
			String where) {
		String resolved = beanFactory.resolveEmbeddedValue(value);
		String text = (resolved != null) ? resolved.trim() : "";
		try {
			return DurationStyle.detectAndParse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					where + ": " + attribute + " must be a duration such as 200ms, 10s or 1m, was '" + text + "'", ex);
		}
	}

}
