package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.xoscar.debug.SlowCallAlert;

/**
 * A slow-call or backlog alert, as the {@code xoscar} endpoint shows it.
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
