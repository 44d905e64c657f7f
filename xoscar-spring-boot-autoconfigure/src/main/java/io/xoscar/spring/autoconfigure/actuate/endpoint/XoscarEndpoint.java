package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.debug.SlowCallAlert;
import io.xoscar.spring.autoconfigure.actuate.PoolIds;

/**
 * The {@code xoscar} endpoint ({@code /actuator/xoscar}): the node's pools, each with its actors
 * and their calls in flight. Read-only. Sections ({@code /actuator/xoscar/{section}}):
 * <ul>
 * <li>{@code pools}: pools without their actors (cheap: nothing is asked of process pools);</li>
 * <li>{@code actors}: every actor of the node in one list;</li>
 * <li>{@code deadlocks}: the deadlocks detected in the node and its process pools, newest first;</li>
 * <li>{@code slowcalls}: the slow-call and backlog alerts, newest first, split into those whose call
 * still runs (or waits) and those that ended;</li>
 * <li>{@code streams}: the streams the node's actors (and those of its process pools) are sending
 * now, oldest first, with their age and the items sent so far.</li>
 * </ul>
 * Other names answer 404. Deadlocks and alerts are the node's bounded history
 * ({@code xoscar.debug.history}).
 * <p>
 * Actors of process pools are listed by their child JVMs; the listing waits at most
 * {@link #DEFAULT_LISTING_TIMEOUT} (or the timeout given), and pools whose actors could not be
 * listed say so ({@code actorsListed: false} and a reason). What each part says is described by
 * {@link NodeDescriptor}, {@link ActorsDescriptor}, {@link DeadlocksDescriptor},
 * {@link SlowCallsDescriptor} and {@link StreamsDescriptor}.
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
		ActorListing listing = ActorListing.list(this.system, this.listingTimeout);
		return new NodeDescriptor(this.system.address(),
				pools.stream().map((pool) -> PoolDescriptor.of(pool, listing)).toList());
	}

	/**
	 * One section of the report.
	 * @param section {@code pools}, {@code actors}, {@code deadlocks}, {@code slowcalls} or {@code streams}
	 * @return that section, or {@code null} (404) for an unknown one
	 */
	@ReadOperation
	public OperationResponseBody section(@Selector String section) {
		return switch (section) {
			case "pools" -> new NodeDescriptor(this.system.address(),
					this.system.pools().stream().map((pool) -> PoolDescriptor.of(pool, null)).toList());
			case "actors" -> actors();
			case "deadlocks" -> deadlocks();
			case "slowcalls" -> slowCalls();
			case "streams" -> streams();
			default -> null;
		};
	}

	private DeadlocksDescriptor deadlocks() {
		Map<Integer, String> poolIds = poolIds();
		return new DeadlocksDescriptor(this.system.address(), this.system.deadlocks()
			.stream()
			.map((report) -> DeadlockDescriptor.of(report, poolIds.get(report.pool())))
			.toList());
	}

	private SlowCallsDescriptor slowCalls() {
		Map<Integer, String> poolIds = poolIds();
		Instant now = Instant.now();
		List<SlowCallDescriptor> active = new ArrayList<>();
		List<SlowCallDescriptor> ended = new ArrayList<>();
		for (SlowCallAlert alert : this.system.slowCalls()) {
			SlowCallDescriptor described = SlowCallDescriptor.of(alert, poolIds.get(alert.pool()), now);
			(alert.ended() ? ended : active).add(described);
		}
		return new SlowCallsDescriptor(this.system.address(), active, ended);
	}

	/** @return the id of each pool of the node by its index */
	private Map<Integer, String> poolIds() {
		return this.system.pools().stream().collect(Collectors.toMap(PoolInfo::index, PoolIds::id));
	}

	private StreamsDescriptor streams() {
		ActorsDescriptor listed = actors();
		Map<Integer, String> poolIds = poolIds();
		List<StreamDescriptor> streams = new ArrayList<>();
		for (ActorDescriptor actor : listed.actors()) {
			for (CallDescriptor call : actor.inFlight()) {
				if (call.items() != null) {
					streams.add(new StreamDescriptor(actor.uid(), actor.actorClass(), poolIds.get(actor.pool()),
							call.method(), call.ageMillis(), call.items()));
				}
			}
		}
		streams.sort(Comparator.comparingLong(StreamDescriptor::ageMillis).reversed());
		return new StreamsDescriptor(listed.address(), streams, listed.unlisted());
	}

	private ActorsDescriptor actors() {
		List<PoolInfo> pools = this.system.pools();
		ActorListing listing = ActorListing.list(this.system, this.listingTimeout);
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

}
