/**
 * Recovery from failures, as users configure and watch it: {@link io.xoscar.recovery.RestartLimits}
 * (how often and how soon something is restarted), {@link io.xoscar.recovery.Supervision} (when an
 * actor of this JVM is restarted), and the {@link io.xoscar.recovery.RecoveryEvent}s a
 * {@link io.xoscar.recovery.RecoveryListener} hears.
 */
@NullMarked
package io.xoscar.recovery;

import org.jspecify.annotations.NullMarked;
