package io.xoscar.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Injects a reference to an actor: a typed proxy of an interface the actor implements in spirit
 * (its methods must match the actor's; a mismatch fails the start naming the method), or an
 * {@code ActorHandle<T>}. Works on every injection point of the context, independent of any other:
 * constructor parameters, fields, setter and {@code @Autowired} method parameters, {@code @Bean}
 * method parameters, and the fields and methods of test classes. Points of the same uid, address
 * and type share one reference, which resolves the actor at its first call, so it may be injected
 * before the actor exists. A field needs no {@code @Autowired}: this annotation implies it. An
 * {@code @XActor} class itself is never injected: that fails the start, saying to use this.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Autowired
@Qualifier
public @interface ActorRef {

	/**
	 * @return the actor uid
	 */
	String value();

	/**
	 * @return the address of the node (or pool) holding the actor; this node when empty
	 */
	String address() default "";

}
