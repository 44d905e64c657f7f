package io.xoscar.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Prepares the application's actor system for a {@code @SpringBootTest}: a
 * {@link io.xoscar.test.DebugEventRecorder} bean hears its deadlock reports and alerts, and with
 * {@link #manualClock() manualClock = true} it runs on a {@link io.xoscar.test.ManualClock} bean.
 * Inject either with {@code @Autowired}. Test classes with the same attributes share one cached
 * application context (the recorder is then shared too: {@link io.xoscar.test.DebugEventRecorder#clear()
 * clear} it or match what you await).
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureXoscarTest(manualClock = true)
 * class OrderActorTests {
 *     &#64;Autowired ManualClock clock;
 *     &#64;Autowired DebugEventRecorder debugEvents;
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(XoscarTestAutoConfiguration.class)
@PropertyMapping("xoscar.test")
public @interface AutoConfigureXoscarTest {

	/**
	 * @return whether the application's node runs on a {@link io.xoscar.test.ManualClock} (its
	 * process pools' child JVMs always run on the machine's clock)
	 */
	boolean manualClock() default false;

}
