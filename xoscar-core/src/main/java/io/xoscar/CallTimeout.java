package io.xoscar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a caller waits for a call of this method (or, on a class, of each of its methods)
 * instead of the node's call timeout: {@code call} throws
 * {@link io.xoscar.exception.CallTimeoutException}, and the future of {@code send}, {@code mono}
 * or {@code batch} fails with it; either way the call is cancelled. A timeout given for one call
 * ({@link ActorMethod#withTimeout}) wins over this one, and a method's annotation over its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface CallTimeout {

	/**
	 * @return a duration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT5S})
	 */
	String value();

}
