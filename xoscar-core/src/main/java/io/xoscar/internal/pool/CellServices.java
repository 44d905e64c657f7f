package io.xoscar.internal.pool;

import io.xoscar.internal.call.Deadlines;
import io.xoscar.internal.time.Time;

/**
 * What every actor cell of a node shares: one object per node instead of a constructor parameter
 * per service in every cell.
 *
 * @param detectsDeadlocks whether calls made by and to the node's actors carry a {@link CallChain}
 * @param watchdog raises alerts about calls and reports deadlocks
 * @param observations observes the calls the actors run, or {@code null} when the node does not
 * @param deadlines ends calls whose time is up
 * @param recoveryEvents tells the node's recovery listeners of restarts
 * @param restartsActors whether actors are restarted as their supervision says (the node's
 * {@code recovery().restartActors()})
 */
record CellServices(boolean detectsDeadlocks, Watchdog watchdog, ServerObservations observations,
		Deadlines deadlines, RecoveryEvents recoveryEvents, boolean restartsActors) {

	Time time() {
		return this.deadlines.time();
	}

}
