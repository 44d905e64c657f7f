package io.xoscar.spring.autoconfigure.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.CallInfo;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.config.PoolConfig.PoolMode;

/**
 * The {@code xoscar} endpoint ({@code /actuator/xoscar}): the node's pools, each with its actors
 * and their calls in flight. Read-only. Sections ({@code /actuator/xoscar/{section}}):
 * {@code pools} (pools without their actors, cheap: nothing is asked of process pools) and
 * {@code actors} (every actor of the node in one list); other names answer 404.
 * <p>
 * Actors of process pools are listed by their child JVMs; the listing waits at most
 * {@link #DEFAULT_LISTING_TIMEOUT} (or the timeout given), and pools whose actors could not be
 * listed say so ({@code actorsListed: false} and a reason).
 */
@Endpoint(id = "xoscar", defaultAccess = Access.READ_ONLY)
public class XoscarEndpoint {

	/** The default bound on listing the actors of the node. */
	public static final Duration DEFAULT_LISTING_TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system;

	private final Duration listingTimeout;

	/**
	 * @param system the node
	 * @param listingTimeout the longest wait for the listing of actors
	 */
	public XoscarEndpoint(ActorSystem system, Duration listingTimeout) {
		this.system = system;
		this.listingTimeout = listingTimeout;
	}

	/**
	 * @param system the node
	 */
	public XoscarEndpoint(ActorSystem system) {
		this(system, DEFAULT_LISTING_TIMEOUT);
	}

	/**
	 * @return the node's address and pools, each with its actors and their calls in flight
	 */
	@ReadOperation
	public NodeDescriptor xoscar() {
		List<PoolInfo> pools = this.system.pools();
		Listing listing = list();
		return new NodeDescriptor(this.system.address(), pools.stream().map((pool) -> describe(pool, listing)).toList());
	}

	/**
	 * One section of the report. The place where later sections (deadlocks, slow calls) go.
	 * @param section {@code pools} or {@code actors}
	 * @return that section, or {@code null} (404) for an unknown one
	 */
	@ReadOperation
	public OperationResponseBody section(@Selector String section) {
		return switch (section) {
			case "pools" -> new NodeDescriptor(this.system.address(),
					this.system.pools().stream().map((pool) -> describe(pool, null)).toList());
			case "actors" -> actors();
			default -> null;
		};
	}

	private ActorsDescriptor actors() {
		List<PoolInfo> pools = this.system.pools();
		Listing listing = list();
		List<ActorDescriptor> actors = new ArrayList<>();
		Map<String, String> unlisted = new LinkedHashMap<>();
		for (PoolInfo pool : pools) {
			String reason = listing.unlisted(pool);
			if (reason != null) {
				unlisted.put(PoolIds.id(pool), reason);
			}
			else {
				actors.addAll(listing.actors(pool));
			}
		}
		return new ActorsDescriptor(this.system.address(), actors, unlisted.isEmpty() ? null : unlisted);
	}

	/** Lists the node's actors, within the timeout. */
	private Listing list() {
		try {
			List<ActorInfo> actors = this.system.actors()
				.get(this.listingTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return Listing.of(actors);
		}
		catch (TimeoutException ex) {
			return Listing.failed("listing timed out after " + this.listingTimeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return Listing.failed("listing failed: " + cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Listing.failed("listing interrupted");
		}
	}

	/**
	 * @param pool a pool
	 * @param listing the node's actors, or {@code null} to describe the pool without them
	 * @return the pool
	 */
	static PoolDescriptor describe(PoolInfo pool, Listing listing) {
		String reason = (listing != null) ? listing.unlisted(pool) : null;
		List<ActorDescriptor> actors = (listing != null && reason == null) ? listing.actors(pool) : null;
		long backlog = pool.backlog();
		if (actors != null && pool.mode() == PoolMode.PROCESS) {
			// the parent does not see a child's mailboxes, the listing does
			backlog = actors.stream().mapToLong(ActorDescriptor::backlog).sum();
		}
		return new PoolDescriptor(pool.index(), PoolIds.id(pool), pool.name(),
				pool.mode().name().toLowerCase(Locale.ROOT), pool.address(), pool.up() ? "UP" : "DOWN", pool.pid(),
				pool.threads(), new TreeSet<>(pool.labels()), pool.actors(), backlog,
				(listing != null) ? reason == null : null, reason, actors);
	}

	/**
	 * The actors the node listed, by pool index.
	 *
	 * @param byPool the actors of each pool that answered
	 * @param failure why nothing could be listed, or {@code null}
	 */
	record Listing(Map<Integer, List<ActorInfo>> byPool, String failure) {

		static Listing of(List<ActorInfo> actors) {
			return new Listing(actors.stream().collect(Collectors.groupingBy(ActorInfo::pool)), null);
		}

		static Listing failed(String reason) {
			return new Listing(Map.of(), reason);
		}

		/** @return why the pool's actors are not in the listing, or {@code null} if they are */
		String unlisted(PoolInfo pool) {
			if (this.failure != null) {
				return this.failure;
			}
			if (!pool.up()) {
				return "pool is down";
			}
			if (pool.mode() == PoolMode.PROCESS && pool.actors() > 0 && !this.byPool.containsKey(pool.index())) {
				// the node leaves out process pools that do not answer in time
				return "process pool did not answer";
			}
			return null;
		}

		List<ActorDescriptor> actors(PoolInfo pool) {
			return this.byPool.getOrDefault(pool.index(), List.of())
				.stream()
				.sorted(Comparator.comparing(ActorInfo::uid))
				.map(ActorDescriptor::of)
				.toList();
		}

	}

	/**
	 * The node.
	 *
	 * @param address the address of its main pool
	 * @param pools its pools, the main pool first
	 */
	public record NodeDescriptor(String address, List<PoolDescriptor> pools) implements OperationResponseBody {
	}

	/**
	 * The actors of the node.
	 *
	 * @param address the address of its main pool
	 * @param actors its actors, pool by pool
	 * @param unlisted pools whose actors could not be listed, with the reason, or {@code null} if none
	 */
	public record ActorsDescriptor(String address, List<ActorDescriptor> actors,
			Map<String, String> unlisted) implements OperationResponseBody {
	}

	/**
	 * A pool.
	 *
	 * @param index its index (0 = main)
	 * @param id its name in the health contributor ({@code main}, {@code cpu-1}, ...)
	 * @param name its group name
	 * @param mode {@code thread} or {@code process}
	 * @param address its address
	 * @param status {@code UP} or {@code DOWN}
	 * @param pid its process id (this JVM's for thread pools)
	 * @param threads its thread count
	 * @param labels its labels
	 * @param actorCount how many actors it holds
	 * @param backlog calls waiting in its actors' mailboxes (for a process pool: as its actors were listed)
	 * @param actorsListed whether its actors could be listed, {@code null} if not asked
	 * @param unlistedReason why they could not, or {@code null}
	 * @param actors its actors, {@code null} if not listed
	 */
	public record PoolDescriptor(int index, String id, String name, String mode, String address, String status,
			long pid, int threads, Set<String> labels, int actorCount, long backlog, Boolean actorsListed,
			String unlistedReason, List<ActorDescriptor> actors) {
	}

	/**
	 * An actor.
	 *
	 * @param uid its uid
	 * @param actorClass its class
	 * @param stateful whether it takes one call at a time
	 * @param pool the index of its pool
	 * @param backlog calls waiting in its mailbox
	 * @param calls calls it started since it was created
	 * @param inFlight its calls now running or awaiting an asynchronous result
	 */
	public record ActorDescriptor(String uid, String actorClass, boolean stateful, int pool, int backlog, long calls,
			List<CallDescriptor> inFlight) {

		static ActorDescriptor of(ActorInfo actor) {
			return new ActorDescriptor(actor.uid(), actor.actorClass(), actor.stateful(), actor.pool(),
					actor.backlog(), actor.calls(), actor.inFlight().stream().map(CallDescriptor::of).toList());
		}

	}

	/**
	 * A call in flight.
	 *
	 * @param method the method called
	 * @param ageMillis how long it has been running, in milliseconds (to about 10 ms)
	 * @param state {@code running} on a thread or {@code awaiting} an asynchronous result
	 * @param thread the thread running it, {@code null} while awaiting
	 */
	public record CallDescriptor(String method, long ageMillis, String state, String thread) {

		static CallDescriptor of(CallInfo call) {
			return new CallDescriptor(call.method(), call.age().toMillis(),
					(call.thread() != null) ? "running" : "awaiting", call.thread());
		}

	}

}
