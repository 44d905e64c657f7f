package io.xoscar.spring.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
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
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;

/**
 * The {@code xoscar} endpoint ({@code /actuator/xoscar}): the node's pools, each with its actors
 * and their calls in flight. Read-only. Sections ({@code /actuator/xoscar/{section}}):
 * <ul>
 * <li>{@code pools}: pools without their actors (cheap: nothing is asked of process pools);</li>
 * <li>{@code actors}: every actor of the node in one list;</li>
 * <li>{@code deadlocks}: the deadlocks detected in the node and its process pools, newest first;</li>
 * <li>{@code slowcalls}: the slow-call and backlog alerts, newest first, split into those whose call
 * still runs (or waits) and those that ended.</li>
 * </ul>
 * Other names answer 404. Deadlocks and alerts are the node's bounded history
 * ({@code xoscar.debug.history}).
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
	 * One section of the report.
	 * @param section {@code pools}, {@code actors}, {@code deadlocks} or {@code slowcalls}
	 * @return that section, or {@code null} (404) for an unknown one
	 */
	@ReadOperation
	public OperationResponseBody section(@Selector String section) {
		return switch (section) {
			case "pools" -> new NodeDescriptor(this.system.address(),
					this.system.pools().stream().map((pool) -> describe(pool, null)).toList());
			case "actors" -> actors();
			case "deadlocks" -> deadlocks();
			case "slowcalls" -> slowCalls();
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
			// the listing is fresher than the status the pool told last
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

	/**
	 * The deadlocks of the node.
	 *
	 * @param address the address of its main pool
	 * @param deadlocks the deadlocks detected in the node and its process pools, newest first
	 */
	public record DeadlocksDescriptor(String address, List<DeadlockDescriptor> deadlocks)
			implements OperationResponseBody {
	}

	/**
	 * A deadlock.
	 *
	 * @param id its number, unique among those of the process that detected it
	 * @param detectedAt when it was detected
	 * @param detection {@code CALL_CHAIN} (the call that closed the cycle failed at once) or
	 * {@code WAIT_FOR_GRAPH} (found by the periodic check; the calls stay as they are)
	 * @param pool the index of the pool where the cycle closes
	 * @param poolId that pool's name in the health contributor, {@code null} if it is gone
	 * @param address that pool's address
	 * @param message what the caller was told, or what was found
	 * @param cycle the actors of the cycle, from the first waiting one to the call that would wait
	 * for it
	 * @param stack where the first actor of the cycle waits, empty if unknown
	 */
	public record DeadlockDescriptor(long id, Instant detectedAt, String detection, int pool, String poolId,
			String address, String message, List<StepDescriptor> cycle, List<String> stack) {

		static DeadlockDescriptor of(DeadlockReport report, String poolId) {
			return new DeadlockDescriptor(report.id(), report.detectedAt(), report.detection().name(), report.pool(),
					poolId, report.address(), report.message(),
					report.cycle().stream().map(StepDescriptor::of).toList(), report.stack());
		}

	}

	/**
	 * One actor of a deadlock's cycle.
	 *
	 * @param uid the actor's uid
	 * @param actorClass its class's simple name, {@code null} when it lives in another process
	 * @param method the method it runs (for the last step: would run)
	 * @param address its pool's address
	 */
	public record StepDescriptor(String uid, String actorClass, String method, String address) {

		static StepDescriptor of(DeadlockReport.Step step) {
			return new StepDescriptor(step.uid(), step.actorClass(), step.method(), step.address());
		}

	}

	/**
	 * The slow-call and backlog alerts of the node.
	 *
	 * @param address the address of its main pool
	 * @param active alerts whose call still runs (or, for a backlog, still waits), newest first
	 * @param ended alerts whose call has ended (for a backlog: has started), newest first
	 */
	public record SlowCallsDescriptor(String address, List<SlowCallDescriptor> active,
			List<SlowCallDescriptor> ended) implements OperationResponseBody {
	}

	/**
	 * A slow-call or backlog alert.
	 *
	 * @param id its number, unique among those of the process that raised it
	 * @param kind {@code SLOW_CALL} (running past its threshold) or {@code BACKLOG} (waiting in the
	 * mailbox past the backlog threshold)
	 * @param raisedAt when it was raised
	 * @param pool the index of the actor's pool
	 * @param poolId that pool's name in the health contributor, {@code null} if it is gone
	 * @param address the address of the actor's pool
	 * @param uid the actor's uid
	 * @param actorClass the actor's class
	 * @param method the method of the call
	 * @param caller who made the call, as far as it is known
	 * @param elapsedMillis how long the call had run (or waited) when the alert was raised, in
	 * milliseconds
	 * @param thresholdMillis the threshold it crossed, in milliseconds
	 * @param backlog calls in the actor's mailbox when the alert was raised
	 * @param state where the call was: running on which thread, awaiting which result, queued behind
	 * which call
	 * @param thread the thread of the stack, {@code null} if none
	 * @param ageMillis how long the call has been running (or waiting) by now, {@code null} once it
	 * ended
	 * @param durationMillis how long it ran (or waited) in all, {@code null} while it has not ended
	 * @param stack the stack of that thread when the alert was raised
	 */
	public record SlowCallDescriptor(long id, String kind, Instant raisedAt, int pool, String poolId, String address,
			String uid, String actorClass, String method, String caller, long elapsedMillis, long thresholdMillis,
			int backlog, String state, String thread, Long ageMillis, Long durationMillis, List<String> stack) {

		static SlowCallDescriptor of(SlowCallAlert alert, String poolId, Instant now) {
			Long age = alert.ended() ? null
					: alert.elapsed().plus(Duration.between(alert.raisedAt(), now)).toMillis();
			Long duration = alert.ended() ? alert.duration().toMillis() : null;
			return new SlowCallDescriptor(alert.id(), alert.kind().name(), alert.raisedAt(), alert.pool(), poolId,
					alert.address(), alert.uid(), alert.actorClass(), alert.method(), alert.caller(),
					alert.elapsed().toMillis(), alert.threshold().toMillis(), alert.backlog(), alert.state(),
					alert.thread(), age, duration, alert.stack());
		}

	}

}
