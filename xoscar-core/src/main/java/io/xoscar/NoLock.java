package io.xoscar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a method of a stateful {@link Actor} run without taking the actor's lock: it may run while
 * another call is in progress (and an asynchronous one does not hold the actor while it waits).
 * The method must then be thread-safe with respect to the actor's state.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoLock {

}
