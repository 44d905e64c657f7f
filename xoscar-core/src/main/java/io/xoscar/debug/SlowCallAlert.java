package io.xoscar.debug;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An alert about a call that is taking long: one running past its slow-call threshold, or one
 * waiting in an actor's mailbox past the backlog threshold. Raised while the call still runs or
 * waits; once it ends (or starts, for a backlog), the alert is published again with its
 * {@link #duration() duration}.
 *
 * @param id the alert's number, unique among those of the process that raised it
 * @param kind what is slow
 * @param raisedAt when the alert was raised
 * @param pool the index of the actor's pool, in this node
 * @param address the address of the actor's pool
 * @param uid the actor's uid
 * @param actorClass the actor's class name
 * @param method the method of the slow (or waiting) call
 * @param caller who made the call, as far as it is known
 * @param elapsed how long the call had been running (or waiting) when the alert was raised
 * @param threshold the threshold it crossed
 * @param backlog calls in the actor's mailbox when the alert was raised
 * @param state where the call is: running on which thread, awaiting which result, queued behind
 * which call
 * @param thread the thread the stack belongs to, {@code null} if none
 * @param stack the stack of that thread: the one running the call, the one running the call it
 * awaits, or (for a backlog) the one running the call the mailbox waits behind
 * @param duration how long the call ran (or waited in the mailbox) in all, {@code null} until then
 */
public record SlowCallAlert(long id, Kind kind, Instant raisedAt, int pool, String address, String uid,
		String actorClass, String method, String caller, Duration elapsed, Duration threshold, int backlog, String state,
		@Nullable String thread, List<String> stack, @Nullable Duration duration) {

	public SlowCallAlert {
		Objects.requireNonNull(kind, "kind");
		stack = (stack != null) ? List.copyOf(stack) : List.of();
	}

	/** @return whether the call has ended (or, for a backlog, started) */
	public boolean ended() {
		return this.duration != null;
	}

	/** @return the same alert, ended after {@code total} */
	public SlowCallAlert endedAfter(Duration total) {
		return new SlowCallAlert(this.id, this.kind, this.raisedAt, this.pool, this.address, this.uid, this.actorClass,
				this.method, this.caller, this.elapsed, this.threshold, this.backlog, this.state, this.thread, this.stack,
				total);
	}

	/** @return the same alert, as seen by the node whose pool {@code index} raised it */
	public SlowCallAlert inPool(int index) {
		return new SlowCallAlert(this.id, this.kind, this.raisedAt, index, this.address, this.uid, this.actorClass,
				this.method, this.caller, this.elapsed, this.threshold, this.backlog, this.state, this.thread, this.stack,
				this.duration);
	}

	/** @return "actor 'uid' (Class) method m at address" */
	public String actor() {
		int start = Math.max(this.actorClass.lastIndexOf('.'), this.actorClass.lastIndexOf('$')) + 1;
		return "actor '" + this.uid + "' (" + this.actorClass.substring(start) + ") method " + this.method + " at "
				+ this.address;
	}

	/** What an alert is about. */
	public enum Kind {

		/** A call running longer than its slow-call threshold. */
		SLOW_CALL,

		/** A call waiting in an actor's mailbox longer than the backlog threshold. */
		BACKLOG

	}

}
