/**
 * The clock an actor system runs on ({@link io.xoscar.time.ActorClock}), which tests can drive.
 */
@NullMarked
package io.xoscar.time;

import org.jspecify.annotations.NullMarked;
