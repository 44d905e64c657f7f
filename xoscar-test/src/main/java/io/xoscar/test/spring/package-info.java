/**
 * The test kit for {@code @SpringBootTest}: {@link io.xoscar.test.spring.AutoConfigureXoscarTest}
 * gives the application's actor system a {@link io.xoscar.test.DebugEventRecorder} and, when asked,
 * a {@link io.xoscar.test.ManualClock}, both as beans.
 */
@NullMarked
package io.xoscar.test.spring;

import org.jspecify.annotations.NullMarked;
