package io.xoscar.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one actor system for all tests of the annotated class, like a static
 * {@link ActorSystemExtension} field, declared on the class; test and lifecycle methods take the
 * same parameters ({@code ActorSystem}, {@link ManualClock}, {@link DebugEventRecorder},
 * {@link TestActor @TestActor} handles). For settings the annotation has no attribute for, register
 * an {@link ActorSystemExtension} instead.
 *
 * <pre class="code">
 * &#64;XoscarTest(pools = &#64;XoscarTest.Pool(name = "cpu", count = 2), manualClock = true)
 * class GreeterTests {
 *     &#64;Test
 *     void greets(&#64;TestActor(pool = 1) ActorHandle&lt;Greeter&gt; greeter) { ... }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(XoscarTestExtension.class)
public @interface XoscarTest {

	/**
	 * @return threads of the main pool
	 */
	int mainPoolThreads() default 2;

	/**
	 * @return the sub pool groups, numbered from 1 in order
	 */
	Pool[] pools() default {};

	/**
	 * @return whether the system runs on a {@link ManualClock}
	 */
	boolean manualClock() default false;

	/**
	 * A group of sub pools.
	 */
	@Target({})
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface Pool {

		/**
		 * @return the group's name
		 */
		String name();

		/**
		 * @return how many pools
		 */
		int count() default 1;

		/**
		 * @return threads of each pool
		 */
		int threads() default 1;

		/**
		 * @return whether each pool is a child JVM (a process pool) rather than threads of this JVM
		 */
		boolean process() default false;

		/**
		 * @return labels of each pool, for placement
		 */
		String[] labels() default {};

	}

}
