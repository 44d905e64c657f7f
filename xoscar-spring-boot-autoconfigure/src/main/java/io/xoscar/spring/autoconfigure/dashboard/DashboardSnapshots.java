package io.xoscar.spring.autoconfigure.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.xoscar.spring.autoconfigure.actuate.endpoint.ActorDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.CallDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.DeadlockDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.DeadlocksDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.NodeDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.PoolDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.SlowCallsDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.StreamDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.XoscarEndpoint;

/**
 * Takes the {@link DashboardSnapshot snapshots} the dashboard page shows, from the same collectors
 * as the {@code xoscar} actuator endpoint. The node's actors are listed (the endpoint's whole
 * report) at most once per {@link #MAX_AGE}, shared by every client and query: the pools, totals,
 * open streams and call graph come from that one listing, and each query takes its page of actors
 * from it. Blocks while process pools list their actors (at most the endpoint's listing timeout),
 * so call it off event-loop threads.
 */
public final class DashboardSnapshots {

	/** How long one listing of the node serves the snapshots of every client. */
	static final Duration MAX_AGE = Duration.ofMillis(500);

	private static final Comparator<ActorDescriptor> BY_UID = Comparator.comparing(ActorDescriptor::uid);

	private final XoscarEndpoint endpoint;

	private final @Nullable DashboardHistory history;

	private final CallGraphs graphs = new CallGraphs();

	private @Nullable NodeView view;

	/**
	 * @param endpoint the collectors of the {@code xoscar} endpoint
	 */
	public DashboardSnapshots(XoscarEndpoint endpoint) {
		this(endpoint, null);
	}

	DashboardSnapshots(XoscarEndpoint endpoint, @Nullable DashboardHistory history) {
		this.endpoint = endpoint;
		this.history = history;
	}

	/**
	 * @param query which actors to list
	 * @return the node now (as listed at most {@link #MAX_AGE} ago)
	 */
	public DashboardSnapshot take(DashboardQuery query) {
		NodeView view = view();
		Predicate<ActorDescriptor> matches = matcher(query.filter(), view.poolIds());
		List<ActorDescriptor> matching = new ArrayList<>();
		for (ActorDescriptor actor : view.actors()) {
			if (matches.test(actor)) {
				matching.add(actor);
			}
		}
		matching.sort(order(query.sort()));
		int from = Math.min(query.offset(), matching.size());
		int to = Math.min(from + query.limit(), matching.size());
		DashboardSnapshot.ActorPage page = new DashboardSnapshot.ActorPage(matching.size(), query.offset(),
				query.limit(), query.filter(), query.sort(), List.copyOf(matching.subList(from, to)));
		return new DashboardSnapshot(view.address(), view.takenAt(), view.pools(), page, view.totals(),
				view.deadlocks(), view.slowCalls(), view.streams(), view.unlisted(), view.graph(),
				(this.history != null) ? this.history.latest() : null);
	}

	/**
	 * @param uid an actor's uid
	 * @return the actor with the series of its class's methods in its pool, or {@code null} if the
	 * node does not list it
	 */
	public @Nullable DashboardActor actor(String uid) {
		NodeView view = view();
		ActorDescriptor found = null;
		for (ActorDescriptor actor : view.actors()) {
			if (actor.uid().equals(uid)) {
				found = actor;
				break;
			}
		}
		if (found == null) {
			return null;
		}
		String poolName = view.poolNames().getOrDefault(found.pool(), "");
		int classActors = 0;
		for (ActorDescriptor actor : view.actors()) {
			if (actor.actorClass().equals(found.actorClass())
					&& poolName.equals(view.poolNames().get(actor.pool()))) {
				classActors++;
			}
		}
		List<DashboardSeries> methods = (this.history != null) ? this.history.methods(poolName, found.actorClass())
				: List.of();
		return new DashboardActor(found, view.poolIds().getOrDefault(found.pool(), ""), poolName, classActors, methods);
	}

	/** @return the node's calls over the last minutes, or an empty series without history */
	public DashboardSeries history() {
		return (this.history != null) ? this.history.node()
				: new DashboardSeries(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	private synchronized NodeView view() {
		long now = System.currentTimeMillis();
		NodeView current = this.view;
		if (current == null || now - current.takenAt() >= MAX_AGE.toMillis() || now < current.takenAt()) {
			current = list(now);
			this.view = current;
		}
		return current;
	}

	private NodeView list(long takenAt) {
		NodeDescriptor node = this.endpoint.xoscar();
		DeadlocksDescriptor deadlocks = (DeadlocksDescriptor) this.endpoint.section("deadlocks");
		SlowCallsDescriptor slowCalls = (SlowCallsDescriptor) this.endpoint.section("slowcalls");

		List<PoolDescriptor> pools = new ArrayList<>(node.pools().size());
		Map<Integer, String> poolIds = new LinkedHashMap<>();
		Map<Integer, String> poolNames = new LinkedHashMap<>();
		Map<String, String> unlisted = new LinkedHashMap<>();
		List<ActorDescriptor> all = new ArrayList<>();
		for (PoolDescriptor pool : node.pools()) {
			pools.add(withoutActors(pool));
			poolIds.put(pool.index(), pool.id());
			poolNames.put(pool.index(), pool.name());
			if (pool.actors() != null) {
				all.addAll(pool.actors());
			}
			else if (pool.unlistedReason() != null) {
				unlisted.put(pool.id(), pool.unlistedReason());
			}
		}

		long calls = 0;
		long inFlight = 0;
		long backlog = 0;
		List<StreamDescriptor> streams = new ArrayList<>();
		for (ActorDescriptor actor : all) {
			calls += actor.calls();
			inFlight += actor.inFlight().size();
			backlog += actor.backlog();
			for (CallDescriptor call : actor.inFlight()) {
				if (call.items() != null) {
					streams.add(new StreamDescriptor(actor.uid(), actor.actorClass(), poolIds.get(actor.pool()),
							call.method(), call.ageMillis(), call.items()));
				}
			}
		}
		streams.sort(Comparator.comparingLong(StreamDescriptor::ageMillis).reversed());
		DashboardSnapshot.Totals totals = new DashboardSnapshot.Totals(all.size(), calls, inFlight, backlog,
				streams.size());
		DashboardGraph graph = this.graphs.graph(all, poolIds, deadlocks.deadlocks(), slowCalls.active(), takenAt);
		return new NodeView(node.address(), takenAt, pools, poolIds, poolNames, all, totals, deadlocks.deadlocks(),
				new DashboardSnapshot.SlowCalls(slowCalls.active(), slowCalls.ended()), streams,
				unlisted.isEmpty() ? null : unlisted, graph);
	}

	/** One listing of the node, shared by the snapshots of every query for {@link #MAX_AGE}. */
	private record NodeView(String address, long takenAt, List<PoolDescriptor> pools, Map<Integer, String> poolIds,
			Map<Integer, String> poolNames, List<ActorDescriptor> actors, DashboardSnapshot.Totals totals,
			List<DeadlockDescriptor> deadlocks, DashboardSnapshot.SlowCalls slowCalls, List<StreamDescriptor> streams,
			@Nullable Map<String, String> unlisted, DashboardGraph graph) {
	}

	private static PoolDescriptor withoutActors(PoolDescriptor pool) {
		return new PoolDescriptor(pool.index(), pool.id(), pool.name(), pool.mode(), pool.address(), pool.status(),
				pool.state(), pool.restarts(), pool.lastFailure(), pool.pid(), pool.threads(), pool.labels(),
				pool.actorCount(), pool.backlog(), pool.actorsListed(), pool.unlistedReason(), null);
	}

	private static Predicate<ActorDescriptor> matcher(String filter, Map<Integer, String> poolIds) {
		if (filter.isEmpty()) {
			return (actor) -> true;
		}
		return (actor) -> contains(actor.uid(), filter) || contains(actor.actorClass(), filter)
				|| contains(poolIds.get(actor.pool()), filter);
	}

	private static boolean contains(String text, String lowerCaseFilter) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseFilter);
	}

	private static Comparator<ActorDescriptor> order(String sort) {
		Comparator<ActorDescriptor> first = switch (sort) {
			case "class" -> Comparator.comparing(ActorDescriptor::actorClass,
					Comparator.nullsLast(Comparator.naturalOrder()));
			case "pool" -> Comparator.comparingInt(ActorDescriptor::pool);
			case "backlog" -> Comparator.comparingInt(ActorDescriptor::backlog).reversed();
			case "calls" -> Comparator.comparingLong(ActorDescriptor::calls).reversed();
			default -> BY_UID;
		};
		return (first == BY_UID) ? BY_UID : first.thenComparing(BY_UID);
	}

}
