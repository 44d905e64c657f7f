package io.xoscar.internal.pool;

import io.xoscar.ActorFactory;
import io.xoscar.internal.call.Deadlines;

/**
 * What the {@link ActorSupervisor}s of a node share.
 *
 * @param factory makes the new instances (in the starter: from the bean definition, dependencies
 * injected again)
 * @param directory removes actors whose limits are spent, and remembers why
 * @param events tells the node's recovery listeners
 * @param metrics counts restarts, or {@code null} when the node has no meters
 * @param deadlines waits out the backoff between restarts on the node's time
 */
record SupervisionServices(ActorFactory factory, ActorDirectory directory, RecoveryEvents events, NodeMetrics metrics,
		Deadlines deadlines) {
}
