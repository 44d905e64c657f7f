package io.xoscar.internal.reflect;

import java.lang.reflect.Method;
import java.time.Duration;

import io.xoscar.CallTimeout;
import io.xoscar.SlowCallThreshold;

/**
 * The slow-call threshold and call timeout a method declares ({@link SlowCallThreshold},
 * {@link CallTimeout} on the method or its class), {@code null} where it declares none.
 *
 * @param slowCallThreshold the method's slow-call threshold, or {@code null} for the node's
 * @param timeout the method's call timeout, or {@code null} for the caller's
 */
public record CallLimits(Duration slowCallThreshold, Duration timeout) {

	public static final CallLimits NONE = new CallLimits(null, null);

	static CallLimits of(Method method) {
		SlowCallThreshold slow = annotation(method, SlowCallThreshold.class);
		CallTimeout timeout = annotation(method, CallTimeout.class);
		if (slow == null && timeout == null) {
			return NONE;
		}
		String where = "@%s of " + Signatures.describe(method);
		return new CallLimits(
				(slow != null) ? DurationText.parse(slow.value(), where.formatted("SlowCallThreshold")) : null,
				(timeout != null) ? DurationText.parse(timeout.value(), where.formatted("CallTimeout")) : null);
	}

	private static <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> type) {
		A onMethod = method.getAnnotation(type);
		return (onMethod != null) ? onMethod : method.getDeclaringClass().getAnnotation(type);
	}

}
