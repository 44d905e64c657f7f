package io.xoscar.spring.autoconfigure.dashboard;

import java.util.List;

/**
 * Which actors call which, as the dashboard draws it: the actors that called or were called (or,
 * when there are more than {@value CallGraphs#MOST_NODES}, their classes in each pool), the calls
 * between them, and the cycles of the deadlocks detected in the last
 * {@value CallGraphs#CYCLE_SECONDS} seconds.
 *
 * @param aggregated whether the nodes are actor classes in a pool rather than actors
 * @param nodes the nodes
 * @param edges the calls from one node to another
 * @param cycles the recent deadlocks' cycles, newest first, each as node ids in calling order
 */
public record DashboardGraph(boolean aggregated, List<Node> nodes, List<Edge> edges, List<List<String>> cycles) {

	/** Kinds of node. */
	static final String ACTOR = "actor", CLASS = "class", OUTSIDE = "outside", REMOTE = "remote";

	/**
	 * A node of the graph.
	 *
	 * @param id its id in {@link Edge edges} and cycles
	 * @param label what the page writes on it: the uid, the class's simple name and pool, or
	 * "outside actors"
	 * @param kind {@code actor}, {@code class} (all its actors in a pool), {@code outside} (threads
	 * that run no actor's call) or {@code remote} (an actor this node does not hold)
	 * @param actorClass the actor's class name, {@code null} for the others
	 * @param pool the id of its pool, {@code null} for the others
	 * @param actors how many actors it stands for
	 * @param slow whether a call to it runs past its slow-call threshold now
	 * @param inCycle whether it is part of a recent deadlock's cycle
	 */
	public record Node(String id, String label, String kind, String actorClass, String pool, int actors,
			boolean slow, boolean inCycle) {
	}

	/**
	 * Calls from one node to another.
	 *
	 * @param from the calling node's id
	 * @param to the called node's id
	 * @param calls the calls since the callee was created, estimated from the sampled ones
	 * @param rate calls per second lately
	 * @param inCycle whether a recent deadlock's cycle goes along it
	 */
	public record Edge(String from, String to, long calls, double rate, boolean inCycle) {
	}

}
