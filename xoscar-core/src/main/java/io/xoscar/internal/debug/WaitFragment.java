package io.xoscar.internal.debug;

import java.util.List;

import io.xoscar.debug.DeadlockReport;

/**
 * One process's part of a wait that spans processes: a call that came from another process (its
 * waiter named by the link its request carried) waits, through calls of this process, for a call
 * to another process. The node and its process pools put their parts together; where they close a
 * cycle, the calls can never run.
 *
 * @param node the address of the node (the process) the part is in
 * @param waiter who waits for the call it starts with (the first link of that call's chain)
 * @param actorUid the actor the call it starts with is for
 * @param actorAddress that actor's pool address
 * @param exit who waits for the call it ends with (the first link that call's chain carries)
 * @param targetAddress the pool address of the actor that call is for
 * @param targetUid that actor's uid
 * @param steps the calls of the part, in wait order
 * @param queued the calls of the part that wait in a mailbox (one may be failed to break a cycle)
 * @param text who waits for whom, for the report
 */
public record WaitFragment(String node, ChainLink waiter, String actorUid, String actorAddress, ChainLink exit,
		String targetAddress, String targetUid, List<DeadlockReport.Step> steps, List<Queued> queued, String text) {

	public WaitFragment {
		steps = List.copyOf(steps);
		queued = List.copyOf(queued);
	}

	/**
	 * A call of the part that waits in a mailbox.
	 *
	 * @param id the call's id in its process
	 * @param ageMillis how long it had waited when the part was seen
	 * @param call the call, for the report
	 */
	public record Queued(long id, long ageMillis, String call) {
	}

}
