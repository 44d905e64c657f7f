package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.spring.autoconfigure.actuate.PoolIds;

/**
 * A pool, as the {@code xoscar} endpoint shows it.
 *
 * @param index its index (0 = main)
 * @param id its name in the health contributor ({@code main}, {@code cpu-1}, ...)
 * @param name its group name
 * @param mode {@code thread} or {@code process}
 * @param address its address
 * @param status {@code UP} or {@code DOWN} (also while it restarts)
 * @param state {@code UP}, {@code RESTARTING} (its process died and recovery starts it again) or
 * {@code DOWN}
 * @param restarts how often recovery restarted its process since the node started
 * @param lastFailure why its process died last (or why recovery gave it up), or {@code null} if it
 * never did
 * @param pid its process id (this JVM's for thread pools; while it is not up, of the process that
 * died)
 * @param threads its thread count
 * @param labels its labels
 * @param actorCount how many actors it holds
 * @param backlog calls waiting in its actors' mailboxes (for a process pool: as its actors were listed)
 * @param actorsListed whether its actors could be listed, {@code null} if not asked
 * @param unlistedReason why they could not, or {@code null}
 * @param actors its actors, {@code null} if not listed
 */
public record PoolDescriptor(int index, String id, String name, String mode, String address, String status,
		String state, int restarts, String lastFailure, long pid, int threads, Set<String> labels, int actorCount, long backlog, Boolean actorsListed,
		String unlistedReason, List<ActorDescriptor> actors) {

	/**
	 * @param pool a pool
	 * @param listing the node's actors, or {@code null} to describe the pool without them
	 * @return the pool
	 */
	static PoolDescriptor of(PoolInfo pool, ActorListing listing) {
		String reason = (listing != null) ? listing.unlisted(pool) : null;
		List<ActorDescriptor> actors = (listing != null && reason == null) ? listing.actors(pool) : null;
		long backlog = pool.backlog();
		if (actors != null && pool.mode() == PoolMode.PROCESS) {
			// the listing is fresher than the status the pool told last
			backlog = actors.stream().mapToLong(ActorDescriptor::backlog).sum();
		}
		return new PoolDescriptor(pool.index(), PoolIds.id(pool), pool.name(),
				pool.mode().name().toLowerCase(Locale.ROOT), pool.address(), pool.up() ? "UP" : "DOWN", pool.state().name(),
				pool.restarts(), pool.lastFailure(), pool.pid(),
				pool.threads(), new TreeSet<>(pool.labels()), pool.actors(), backlog,
				(listing != null) ? reason == null : null, reason, actors);
	}

}
