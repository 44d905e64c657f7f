package io.xoscar.spring.autoconfigure.dashboard;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.xoscar.spring.autoconfigure.actuate.endpoint.ActorDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.DeadlockDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.PoolDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.SlowCallDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.StreamDescriptor;

/**
 * The node at one moment, as the dashboard page shows it: the JSON of {@code api/snapshot} and of
 * each {@code snapshot} event of {@code api/events}. Its parts are those of the {@code xoscar}
 * actuator endpoint.
 *
 * @param address the address of the node's main pool
 * @param takenAt when it was taken, in milliseconds since the epoch
 * @param pools the node's pools, the main pool first, without their actors
 * @param actors one page of the actors that match the query
 * @param totals counts over all the node's actors
 * @param deadlocks the deadlocks detected, newest first
 * @param slowCalls the slow-call and backlog alerts, newest first
 * @param streams the open streams, oldest first
 * @param unlisted pools whose actors could not be listed, with the reason, or {@code null} if none
 * @param graph which actors call which, with the recent deadlocks' cycles
 * @param calls the node's calls in the latest second (the last point of {@code api/history}),
 * {@code null} until there is one
 */
public record DashboardSnapshot(String address, long takenAt, List<PoolDescriptor> pools, ActorPage actors,
		Totals totals, List<DeadlockDescriptor> deadlocks, SlowCalls slowCalls, List<StreamDescriptor> streams,
		@Nullable Map<String, String> unlisted, DashboardGraph graph, DashboardSeries.@Nullable Point calls) {

	/**
	 * A page of actors.
	 *
	 * @param total how many actors match the query
	 * @param offset how many of them come before the page
	 * @param limit the most the page holds
	 * @param filter the filter they match (lower case), empty for all
	 * @param sort their order
	 * @param items the actors of the page
	 */
	public record ActorPage(int total, int offset, int limit, String filter, String sort,
			List<ActorDescriptor> items) {
	}

	/**
	 * Counts over all the node's listed actors (not just the page).
	 *
	 * @param actors how many actors were listed
	 * @param calls the calls they started since they were created
	 * @param inFlight their calls now running, awaiting or streaming
	 * @param backlog calls waiting in their mailboxes
	 * @param openStreams the streams they are sending
	 */
	public record Totals(int actors, long calls, long inFlight, long backlog, int openStreams) {
	}

	/**
	 * The slow-call and backlog alerts.
	 *
	 * @param active alerts whose call still runs (or still waits), newest first
	 * @param ended alerts whose call has ended, newest first
	 */
	public record SlowCalls(List<SlowCallDescriptor> active, List<SlowCallDescriptor> ended) {
	}

}
