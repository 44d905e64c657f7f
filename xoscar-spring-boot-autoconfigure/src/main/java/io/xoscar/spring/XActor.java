package io.xoscar.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks an actor class ({@link io.xoscar.Actor} or {@link io.xoscar.StatelessActor}) that the
 * application creates at start, before the web server takes requests. The actor is a bean: the pool
 * that hosts it builds it from its bean definition, so constructor and field injection,
 * {@code @Value} and configuration properties work, also in a process pool (whose child JVM runs
 * this application's context in a sub-pool role). Attributes may use {@code ${...}} placeholders.
 * <p>
 * Placement: {@link #pool()} (a group of {@code xoscar.pools}) or {@link #label()} picks the pools,
 * {@link #strategy()} how one is chosen among them; with neither, the actor lives in the main pool.
 * Refer to the actor with {@link ActorRef @ActorRef}.
 * <p>
 * Supervision (actors of this JVM's pools): when a method throws one of {@link #restartOn()} (or,
 * with {@link #restartOnPostCreateFailure()}, when {@code postCreate} fails) the actor is restarted:
 * a new bean is made from its definition, dependencies injected again, and the calls queued behind
 * the failing one run on it; at most {@link #maxRestarts()} times within {@link #restartWithin()},
 * with a backoff from {@link #minBackoff()} doubling up to {@link #maxBackoff()}; then the actor is
 * removed. {@code xoscar.recovery.restart-actors=false} turns it off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface XActor {

	/**
	 * @return the actor uid; the bean name when empty
	 */
	@AliasFor("uid")
	String value() default "";

	/**
	 * @return the actor uid; the bean name when empty
	 */
	@AliasFor("value")
	String uid() default "";

	/**
	 * @return the name of the pool group (a key of {@code xoscar.pools}) to place the actor in
	 */
	String pool() default "";

	/**
	 * @return a pool label to place the actor by
	 */
	String label() default "";

	/**
	 * @return how a pool is chosen among those of {@link #pool()} or {@link #label()}
	 */
	Strategy strategy() default Strategy.LEAST_LOADED;

	/**
	 * @return for {@link Strategy#IDLE}: the mark of which each pool holds one actor
	 */
	String mark() default "";

	/**
	 * @return how many replicas to create; more than one are named {@code <uid>-0} to
	 * {@code <uid>-<count-1>}
	 */
	int count() default 1;

	/**
	 * @return the exception types (and their subclasses) that restart the actor when a method throws
	 * them; none by default
	 */
	Class<? extends Throwable>[] restartOn() default {};

	/**
	 * @return whether a failing {@code postCreate} is retried on a new instance (at creation and at
	 * restarts)
	 */
	boolean restartOnPostCreateFailure() default false;

	/**
	 * @return restarts allowed within {@link #restartWithin()}; one more failure removes the actor
	 */
	int maxRestarts() default 5;

	/**
	 * @return the window of {@link #maxRestarts()}, a duration such as {@code 1m} or {@code 30s}
	 */
	String restartWithin() default "1m";

	/**
	 * @return the wait before the second restart of a window, a duration such as {@code 200ms}
	 */
	String minBackoff() default "200ms";

	/**
	 * @return the longest wait between restarts, a duration such as {@code 10s}
	 */
	String maxBackoff() default "10s";

	/** How a pool is chosen among the candidates. */
	enum Strategy {

		/** The pool with the fewest actors (then the shortest backlog). */
		LEAST_LOADED,

		/** Any pool, at random. */
		RANDOM,

		/** A pool that holds no actor with the same {@link XActor#mark()} yet; fails when none is left. */
		IDLE

	}

}
