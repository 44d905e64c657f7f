package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.xoscar.ActorSystem;

/**
 * Where an actor's calls are, in words and as listings: for timeout messages and alerts (queued
 * behind what, running on which thread, awaiting a result), and for {@link ActorSystem#actors()}.
 */
final class CallProgress {

	private CallProgress() {
	}

	/** Where a call is, for a timeout message: queued (behind what), running (on which thread), awaiting. */
	static String whereStuck(ActorCell cell, Call call) {
		long now = cell.time.millis();
		if (!call.hasStarted()) {
			StringBuilder where = new StringBuilder("queued, with " + cell.backlog() + " call(s) in the mailbox");
			for (Call running : cell.inFlight()) {
				where.append("; ").append(running.method).append(" ").append(progress(running, now));
				break;
			}
			return where.toString();
		}
		return progress(call, now);
	}

	private static String progress(Call call, long now) {
		long age = Math.max(0, now - call.startedAt);
		Thread runner = call.runner();
		if (call.invocable() instanceof StreamingInvocable streaming) {
			return "streaming for " + age + " ms (" + streaming.relay().items() + " items sent)"
					+ ((runner != null) ? " on thread " + runner.getName() : "");
		}
		return (runner != null) ? "running for " + age + " ms on thread " + runner.getName()
				: "awaiting an asynchronous result for " + age + " ms";
	}

	/**
	 * @return a snapshot of the actor for listings: its backlog, calls and calls in flight
	 */
	static ActorSystem.ActorInfo snapshot(ActorCell cell) {
		long now = cell.time.millis();
		List<ActorSystem.CallInfo> running = new ArrayList<>();
		for (Call call : cell.inFlight()) {
			Thread runner = call.runner();
			StreamRelay stream = (call.invocable() instanceof StreamingInvocable streaming) ? streaming.relay() : null;
			running.add(new ActorSystem.CallInfo(call.method, Duration.ofMillis(Math.max(0, now - call.startedAt)),
					(runner != null) ? runner.getName() : null, stream != null, (stream != null) ? stream.items() : 0));
		}
		ActorSupervisor supervisor = cell.supervisor();
		return new ActorSystem.ActorInfo(cell.uid, cell.info.type().getName(), !cell.info.stateless(),
				cell.pool.index(), cell.pool.address(), cell.backlog(), cell.calls(), running,
				(supervisor != null) ? supervisor.restarts() : 0, (supervisor != null) ? supervisor.lastReason() : null, cell.callers());
	}

}
