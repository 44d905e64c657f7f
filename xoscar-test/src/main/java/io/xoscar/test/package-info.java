/**
 * A test kit for actors: {@link io.xoscar.test.ActorSystemExtension} starts and closes a system for
 * JUnit 5 tests and injects it, its {@link io.xoscar.test.ManualClock} and its
 * {@link io.xoscar.test.DebugEventRecorder}, and handles of actors it creates
 * ({@link io.xoscar.test.TestActor}).
 */
@NullMarked
package io.xoscar.test;

import org.jspecify.annotations.NullMarked;
