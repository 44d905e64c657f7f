package io.xoscar.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.xoscar.AbstractActor;

/**
 * Asks {@link ActorSystemExtension} for a new actor: on an {@code ActorHandle<T>} parameter of a test
 * method (or of a lifecycle method), the extension creates an actor of class {@code T} (or of
 * {@link #type()}) with its no-argument constructor and passes its handle; the actor is destroyed
 * after the test.
 *
 * <pre class="code">
 * &#64;Test
 * void counts(&#64;TestActor(uid = "counter") ActorHandle&lt;Counter&gt; counter) {
 *     counter.method("increment").call();
 * }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestActor {

	/**
	 * @return the actor's uid; empty (the default) for a generated one
	 */
	String uid() default "";

	/**
	 * @return the actor class; {@link AbstractActor} (the default) for the handle's type argument
	 */
	Class<? extends AbstractActor> type() default AbstractActor.class;

	/**
	 * @return the index of the pool to create it in (0 is the main pool, sub pools count from 1);
	 * negative (the default) for the main pool
	 */
	int pool() default -1;

	/**
	 * @return a pool label to place it by (any pool carrying it); empty (the default) for none
	 */
	String label() default "";

}
