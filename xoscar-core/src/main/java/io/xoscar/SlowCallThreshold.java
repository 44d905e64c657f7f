package io.xoscar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a call of this method (or, on a class, of each of its methods) may run before a
 * slow-call alert is raised, instead of the node's threshold. A method's annotation wins over its
 * class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface SlowCallThreshold {

	/**
	 * @return a duration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT5S})
	 */
	String value();

}
