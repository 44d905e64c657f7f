/**
 * What a node detects about its calls: deadlocks ({@link io.xoscar.debug.DeadlockReport}), slow
 * calls and backlogs ({@link io.xoscar.debug.SlowCallAlert}), and who hears about them
 * ({@link io.xoscar.debug.DebugListener}).
 */
@NullMarked
package io.xoscar.debug;

import org.jspecify.annotations.NullMarked;
