/**
 * The clock an actor system runs on ({@link io.xoscar.time.ActorClock}), which tests can drive.
 */
package io.xoscar.time;
