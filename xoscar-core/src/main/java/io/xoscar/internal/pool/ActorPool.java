package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.Set;

import io.xoscar.config.PoolConfig.PoolMode;

/**
 * One pool of a node, as placement and pool listings see it: in this JVM ({@link ThreadActorPool})
 * or in a child JVM ({@link ProcessActorPool}).
 */
public sealed interface ActorPool permits ThreadActorPool, ProcessActorPool {

	int index();

	String name();

	String address();

	Set<String> labels();

	int threads();

	PoolMode mode();

	/** @return whether the pool takes calls and new actors */
	boolean isUp();

	/** @return the pid of the pool's process (this JVM's for thread pools) */
	long pid();

	/** @return actors placed in this pool by this node, those being created included */
	int load();

	/** @return calls waiting in the pool's mailboxes (0 when not known here) */
	long backlog();

	void reserve();

	void unreserve();

	void shutdown(Duration timeout);

}
