package io.xoscar.spring.autoconfigure.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xoscar.ActorSystem;
import io.xoscar.spring.autoconfigure.actuate.endpoint.ActorDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.DeadlockDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.SlowCallDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.StepDescriptor;

/**
 * Makes {@link DashboardGraph call graphs} from listings of the node's actors (whose
 * {@code callers} say who called them), and their rates from the previous listing that is at least
 * a second older. Not thread-safe: {@link DashboardSnapshots} calls it under its lock.
 */
final class CallGraphs {

	/** Above this many actors in the graph, it shows their classes in each pool instead. */
	static final int MOST_NODES = 60;

	/** How long a deadlock's cycle stays highlighted. */
	static final int CYCLE_SECONDS = 120;

	static final String OUTSIDE_ID = "outside";

	/** Calls by edge (caller uid → callee uid) at {@link #baselineAt}, for rates. */
	private Map<String, Long> baseline = Map.of();

	private long baselineAt;

	/** The rates of the latest graph, by edge, kept until the baseline moves. */
	private Map<String, Double> rates = Map.of();

	DashboardGraph graph(List<ActorDescriptor> actors, Map<Integer, String> poolIds, List<DeadlockDescriptor> deadlocks,
			List<SlowCallDescriptor> activeSlowCalls, long now) {
		Map<String, ActorDescriptor> byUid = new HashMap<>(actors.size() * 2);
		for (ActorDescriptor actor : actors) {
			byUid.put(actor.uid(), actor);
		}
		// actor-level edges, with their rates
		Map<String, Long> totals = new LinkedHashMap<>();
		for (ActorDescriptor callee : actors) {
			callee.callers().forEach((caller, calls) -> totals.put(edgeKey(caller, callee.uid()), calls));
		}
		updateRates(totals, now);

		List<List<String>> cycles = new ArrayList<>();
		Instant since = Instant.ofEpochMilli(now).minusSeconds(CYCLE_SECONDS);
		for (DeadlockDescriptor deadlock : deadlocks) {
			if (deadlock.detectedAt() != null && deadlock.detectedAt().isAfter(since)) {
				List<String> cycle = new ArrayList<>();
				for (StepDescriptor step : deadlock.cycle()) {
					if (cycle.isEmpty() || !cycle.get(cycle.size() - 1).equals(step.uid())) {
						cycle.add(step.uid());
					}
				}
				cycles.add(cycle);
			}
		}
		Set<String> slow = new LinkedHashSet<>();
		activeSlowCalls.forEach((alert) -> slow.add(alert.uid()));

		Set<String> uids = new LinkedHashSet<>();
		totals.keySet().forEach((edge) -> {
			String[] ends = ends(edge);
			if (!ends[0].equals(ActorSystem.ActorInfo.OUTSIDE_ACTORS)) {
				uids.add(ends[0]);
			}
			uids.add(ends[1]);
		});
		cycles.forEach(uids::addAll);
		uids.addAll(slow);
		boolean aggregated = uids.size() > MOST_NODES;

		Map<String, NodeBuilder> nodes = new LinkedHashMap<>();
		Map<String, EdgeBuilder> edges = new LinkedHashMap<>();
		Set<String> cycleUids = new LinkedHashSet<>();
		cycles.forEach(cycleUids::addAll);
		for (String uid : uids) {
			node(nodes, uid, byUid, poolIds, aggregated, slow.contains(uid), cycleUids.contains(uid));
		}
		totals.forEach((edge, calls) -> {
			String[] ends = ends(edge);
			String from = node(nodes, ends[0], byUid, poolIds, aggregated, false, false);
			String to = node(nodes, ends[1], byUid, poolIds, aggregated, false, false);
			edges.computeIfAbsent(from + '\u0000' + to, (key) -> new EdgeBuilder(from, to))
				.add(calls, this.rates.getOrDefault(edge, 0.0));
		});
		List<List<String>> cycleIds = new ArrayList<>();
		for (List<String> cycle : cycles) {
			List<String> ids = new ArrayList<>();
			for (String uid : cycle) {
				ids.add(node(nodes, uid, byUid, poolIds, aggregated, false, true));
			}
			cycleIds.add(ids);
			for (int i = 0; i < ids.size(); i++) {
				String from = ids.get(i);
				String to = ids.get((i + 1) % ids.size());
				if (!from.equals(to) || ids.size() == 1) {
					edges.computeIfAbsent(from + '\u0000' + to, (key) -> new EdgeBuilder(from, to)).inCycle = true;
				}
			}
		}
		return new DashboardGraph(aggregated, nodes.values().stream().map(NodeBuilder::build).toList(),
				edges.values().stream().map(EdgeBuilder::build).toList(), cycleIds);
	}

	/** Rates against a baseline at least a second old; the baseline moves once it is. */
	private void updateRates(Map<String, Long> totals, long now) {
		double seconds = (now - this.baselineAt) / 1000.0;
		if (seconds < 1) {
			return;
		}
		Map<String, Double> fresh = new HashMap<>();
		boolean first = this.baselineAt == 0;
		totals.forEach((edge, calls) -> {
			long before = this.baseline.getOrDefault(edge, 0L);
			fresh.put(edge, first ? 0.0 : Math.max(0, calls - before) / seconds);
		});
		this.rates = fresh;
		this.baseline = totals;
		this.baselineAt = now;
	}

	private static String node(Map<String, NodeBuilder> nodes, String uid, Map<String, ActorDescriptor> byUid,
			Map<Integer, String> poolIds, boolean aggregated, boolean slow, boolean inCycle) {
		NodeBuilder node;
		if (uid.equals(ActorSystem.ActorInfo.OUTSIDE_ACTORS)) {
			node = nodes.computeIfAbsent(OUTSIDE_ID,
					(id) -> new NodeBuilder(id, "outside actors", DashboardGraph.OUTSIDE, null, null));
		}
		else {
			ActorDescriptor actor = byUid.get(uid);
			if (actor == null) {
				node = nodes.computeIfAbsent("remote:" + uid,
						(id) -> new NodeBuilder(id, uid, DashboardGraph.REMOTE, null, null));
			}
			else if (aggregated) {
				String pool = poolIds.getOrDefault(actor.pool(), Integer.toString(actor.pool()));
				node = nodes.computeIfAbsent("class:" + actor.actorClass() + "@" + pool,
						(id) -> new NodeBuilder(id, simpleName(actor.actorClass()) + " @ " + pool, DashboardGraph.CLASS,
								actor.actorClass(), pool));
				node.members.add(uid);
			}
			else {
				String pool = poolIds.getOrDefault(actor.pool(), Integer.toString(actor.pool()));
				node = nodes.computeIfAbsent("actor:" + uid,
						(id) -> new NodeBuilder(id, uid, DashboardGraph.ACTOR, actor.actorClass(), pool));
			}
		}
		node.slow |= slow;
		node.inCycle |= inCycle;
		return node.id;
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static String edgeKey(String caller, String callee) {
		return caller + '\u0000' + callee;
	}

	private static String[] ends(String edgeKey) {
		int split = edgeKey.indexOf('\u0000');
		return new String[] { edgeKey.substring(0, split), edgeKey.substring(split + 1) };
	}

	private static final class NodeBuilder {

		final String id;

		final String label;

		final String kind;

		final String actorClass;

		final String pool;

		final Set<String> members = new LinkedHashSet<>();

		boolean slow;

		boolean inCycle;

		NodeBuilder(String id, String label, String kind, String actorClass, String pool) {
			this.id = id;
			this.label = label;
			this.kind = kind;
			this.actorClass = actorClass;
			this.pool = pool;
		}

		DashboardGraph.Node build() {
			int actors = this.kind.equals(DashboardGraph.CLASS) ? this.members.size()
					: this.kind.equals(DashboardGraph.OUTSIDE) ? 0 : 1;
			return new DashboardGraph.Node(this.id, this.label, this.kind, this.actorClass, this.pool, actors, this.slow,
					this.inCycle);
		}

	}

	private static final class EdgeBuilder {

		final String from;

		final String to;

		long calls;

		double rate;

		boolean inCycle;

		EdgeBuilder(String from, String to) {
			this.from = from;
			this.to = to;
		}

		void add(long calls, double rate) {
			this.calls += calls;
			this.rate += rate;
		}

		DashboardGraph.Edge build() {
			return new DashboardGraph.Edge(this.from, this.to, this.calls, Math.round(this.rate * 10) / 10.0,
					this.inCycle);
		}

	}

}
