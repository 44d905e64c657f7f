package io.xoscar.spring.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.xoscar.spring.autoconfigure.actuate.endpoint.ActorDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.CallDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.DeadlocksDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.NodeDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.PoolDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.SlowCallsDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.StreamDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.XoscarEndpoint;

/**
 * Takes the {@link DashboardSnapshot snapshots} the dashboard page shows, from the same collectors
 * as the {@code xoscar} actuator endpoint: the node's actors are listed once per snapshot (the
 * endpoint's whole report), and the page of actors, the totals and the open streams are made from
 * that one listing. Blocks while process pools list their actors (at most the endpoint's listing
 * timeout), so call it off event-loop threads.
 */
public final class DashboardSnapshots {

	private static final Comparator<ActorDescriptor> BY_UID = Comparator.comparing(ActorDescriptor::uid);

	private final XoscarEndpoint endpoint;

	/**
	 * @param endpoint the collectors of the {@code xoscar} endpoint
	 */
	public DashboardSnapshots(XoscarEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * @param query which actors to list
	 * @return the node now
	 */
	public DashboardSnapshot take(DashboardQuery query) {
		NodeDescriptor node = this.endpoint.xoscar();
		DeadlocksDescriptor deadlocks = (DeadlocksDescriptor) this.endpoint.section("deadlocks");
		SlowCallsDescriptor slowCalls = (SlowCallsDescriptor) this.endpoint.section("slowcalls");
		long takenAt = System.currentTimeMillis();

		List<PoolDescriptor> pools = new ArrayList<>(node.pools().size());
		Map<Integer, String> poolIds = new LinkedHashMap<>();
		Map<String, String> unlisted = new LinkedHashMap<>();
		List<ActorDescriptor> all = new ArrayList<>();
		for (PoolDescriptor pool : node.pools()) {
			pools.add(withoutActors(pool));
			poolIds.put(pool.index(), pool.id());
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
		Predicate<ActorDescriptor> matches = matcher(query.filter(), poolIds);
		List<ActorDescriptor> matching = new ArrayList<>();
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
			if (matches.test(actor)) {
				matching.add(actor);
			}
		}
		streams.sort(Comparator.comparingLong(StreamDescriptor::ageMillis).reversed());
		matching.sort(order(query.sort()));
		int from = Math.min(query.offset(), matching.size());
		int to = Math.min(from + query.limit(), matching.size());
		DashboardSnapshot.ActorPage page = new DashboardSnapshot.ActorPage(matching.size(), query.offset(),
				query.limit(), query.filter(), query.sort(), List.copyOf(matching.subList(from, to)));
		DashboardSnapshot.Totals totals = new DashboardSnapshot.Totals(all.size(), calls, inFlight, backlog,
				streams.size());
		return new DashboardSnapshot(node.address(), takenAt, pools, page, totals, deadlocks.deadlocks(),
				new DashboardSnapshot.SlowCalls(slowCalls.active(), slowCalls.ended()), streams,
				unlisted.isEmpty() ? null : unlisted);
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
