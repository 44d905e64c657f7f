package io.xoscar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an actor method as batchable with a batch implementation: a method of the same actor
 * annotated {@link BatchOf @BatchOf("name")} then receives every call of a batch at once.
 * Without a batch implementation a batch runs this method once per call, in one actor turn.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Extensible {

}
