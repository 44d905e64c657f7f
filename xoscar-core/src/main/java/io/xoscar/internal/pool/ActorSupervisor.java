package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.AbstractActor;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.recovery.RecoveryEvent;
import io.xoscar.recovery.RestartLimits;
import io.xoscar.recovery.Supervision;

/**
 * Restarts one actor of this JVM as its {@link Supervision} says. A method that throws a listed
 * exception (or a {@code postCreate} that fails, when the supervision says so) starts a restart: the
 * cell is {@link ActorCell#RESTARTING}, calls that reach it wait here, and a stateful actor's lock
 * stays taken (its mailbox waits). After the backoff the limits give, on a thread of its pool, the
 * old instance's {@code preDestroy} runs (its failure is logged), the node's factory makes a new
 * instance with the same constructor arguments, its {@code postCreate} runs, and the calls go on on
 * it. When the limits are spent the actor is removed and calls fail saying why.
 * <p>
 * Nothing of this runs on a call that does not fail: the cell asks it only when a method threw.
 */
final class ActorSupervisor {

	private static final Logger logger = LoggerFactory.getLogger(ActorSupervisor.class);

	private final ActorCell cell;

	private final Supervision supervision;

	private final Class<? extends AbstractActor> type;

	private final Object[] args;

	private final SupervisionServices services;

	/** When the restarts of the current window were decided ({@code Time.nanos()}), oldest first. */
	private final ArrayDeque<Long> window = new ArrayDeque<>();

	/** Calls that reached the actor while it restarts (a stateless actor's, {@code @NoLock} ones). */
	private List<Call> held = new ArrayList<>();

	/** The restart under way, from the failure to the new instance's start, or {@code null}. */
	private CompletableFuture<Object> restart;

	/** Whether the restart under way is the actor's creation (its first postCreate failed). */
	private boolean creating;

	/**
	 * Whether the instance attached started (its {@code postCreate} ran): only those get their
	 * {@code preDestroy}. Read and written by the restart's steps, one after the other.
	 */
	private boolean started = true;

	private volatile int restarts;

	private volatile String lastReason;

	/** Why the actor was removed, once its limits are spent. */
	private volatile String removal;

	ActorSupervisor(ActorCell cell, Supervision supervision, Class<? extends AbstractActor> type, Object[] args,
			SupervisionServices services) {
		this.cell = cell;
		this.supervision = supervision;
		this.type = type;
		this.args = args;
		this.services = services;
	}

	/** @return restarts since the actor was created */
	int restarts() {
		return this.restarts;
	}

	/** @return the failure that caused the last restart, or {@code null} */
	String lastReason() {
		return this.lastReason;
	}

	/**
	 * A method of the actor threw (or the future it returned failed).
	 * @param call the call that failed
	 * @param error what it failed with
	 * @return the restart, if the error starts one and the call held a stateful actor's lock (which
	 * the restart keeps until it is over), else {@code null}
	 */
	CompletableFuture<Object> failed(Call call, Throwable error) {
		try {
			return this.supervision.restartsOn(error) ? restart(call, error) : null;
		}
		catch (RuntimeException | LinkageError ex) {
			// never leave the failing call without its answer, nor the actor's lock taken
			logger.error("Supervision of {} failed on {}", describe(), error.getClass().getName(), ex);
			return null;
		}
	}

	private CompletableFuture<Object> restart(Call call, Throwable error) {
		boolean keepsLock = !this.cell.info.stateless() && !call.noLock();
		CompletableFuture<Object> restart;
		synchronized (this) {
			if (this.restart != null || !this.cell.isAlive()) {
				// a restart is under way (a concurrent call failed too), or the actor is gone
				return keepsLock ? this.restart : null;
			}
			this.cell.restarting(true);
			restart = new CompletableFuture<>();
			this.restart = restart;
		}
		next(error);
		return keepsLock ? restart : null;
	}

	/**
	 * The first instance's {@code postCreate} failed, and the supervision retries it.
	 * @return completes once an instance started, or fails with the last error when the limits are
	 * spent (the actor is then removed)
	 */
	CompletableFuture<Object> creationFailed(Throwable error) {
		CompletableFuture<Object> restart = new CompletableFuture<>();
		synchronized (this) {
			this.cell.restarting(true);
			this.restart = restart;
			this.creating = true;
		}
		this.started = false;
		next(error);
		return restart;
	}

	/**
	 * A call reached the actor while it is not {@link ActorCell#LIVE}.
	 * @return whether it waits for the restart under way (else the actor is live again, or gone)
	 */
	synchronized boolean hold(Call call) {
		if (!this.cell.isRestarting()) {
			return false;
		}
		this.held.add(call);
		return true;
	}

	/** The actor stopped (removed, killed, its node shut down): calls waiting for a restart fail. */
	void stopped(RuntimeException reason) {
		List<Call> held;
		synchronized (this) {
			held = this.held;
			this.held = new ArrayList<>();
		}
		for (Call call : held) {
			call.fail(reason);
		}
	}

	/** @return what a call to the actor fails with once it stopped */
	ActorNotFoundException gone() {
		String removal = this.removal;
		return (removal != null) ? new ActorNotFoundException(this.cell.poolAddress(), this.cell.uid, removal)
				: new ActorNotFoundException(this.cell.poolAddress(), this.cell.uid);
	}

	/** @return the restart an asynchronous call's end started (the value its end gave), or {@code null} */
	@SuppressWarnings("unchecked")
	static CompletableFuture<Object> restartOf(Object ended) {
		return (ended instanceof CompletableFuture<?> restart) ? (CompletableFuture<Object>) restart : null;
	}

	/** Schedules the next restart after its backoff, or gives the actor up when the limits are spent. */
	private void next(Throwable error) {
		RestartLimits limits = this.supervision.limits();
		String reason = reason(error);
		long now = this.cell.time.nanos();
		int inWindow;
		Duration delay = null;
		synchronized (this) {
			long within = limits.within().toNanos();
			while (!this.window.isEmpty() && now - this.window.peekFirst() >= within) {
				this.window.removeFirst();
			}
			inWindow = this.window.size();
			if (inWindow < limits.maxRestarts()) {
				delay = limits.backoff(inWindow, ThreadLocalRandom.current().nextDouble());
				this.window.addLast(now);
				this.restarts++;
				this.lastReason = reason;
			}
		}
		if (delay == null) {
			giveUp(error, reason, inWindow + 1);
			return;
		}
		if (this.services.metrics() != null) {
			this.services.metrics().actorRestarted(this.cell.pool.name(), this.cell.info.type().getName(),
					simpleName(error));
		}
		int restartInWindow = inWindow + 1;
		Runnable task = () -> restartNow(reason, restartInWindow);
		try {
			if (delay.isZero()) {
				this.cell.pool.execute(task);
			}
			else {
				this.services.deadlines().later(delay, () -> this.cell.pool.execute(task));
			}
		}
		catch (RejectedExecutionException ex) {
			// the node is closed: its shutdown ends the calls
		}
	}

	/** Makes the new instance, on a thread of the actor's pool. */
	private void restartNow(String reason, int restartInWindow) {
		if (!this.cell.isAlive()) {
			// destroyed or killed meanwhile
			ended(null);
			return;
		}
		if (this.started) {
			try {
				this.cell.preDestroy();
			}
			catch (Throwable ex) {
				logger.warn("preDestroy of {} failed while it is restarted; restarting anyway", describe(), ex);
			}
		}
		this.started = false;
		try {
			this.cell.attach(construct());
			this.cell.postCreate();
		}
		catch (Throwable ex) {
			if (this.supervision.restartOnPostCreateFailure()) {
				next(ex);
			}
			else {
				giveUp(ex, reason(ex), restartInWindow + 1);
			}
			return;
		}
		this.started = true;
		List<Call> held;
		CompletableFuture<Object> restart;
		synchronized (this) {
			this.cell.restarting(false);
			held = this.held;
			this.held = new ArrayList<>();
			restart = this.restart;
			this.restart = null;
			this.creating = false;
		}
		logger.info("Restarted {} ({} within {}) after {}", describe(), restartInWindow,
				format(this.supervision.limits().within()), reason);
		this.services.events()
			.publish(new RecoveryEvent.ActorRestarted(this.cell.time.instant(), this.cell.uid,
					this.cell.info.type().getName(), this.cell.poolAddress(), restartInWindow, reason));
		for (Call call : held) {
			this.cell.dispatch(call);
		}
		restart.complete(null);
	}

	private AbstractActor construct() throws Exception {
		this.cell.context.beginConstruction();
		try {
			return this.services.factory().create(this.type, this.args);
		}
		finally {
			ActorContext.endConstruction();
		}
	}

	/** The limits are spent: the actor is removed, and calls fail saying why. */
	private void giveUp(Throwable error, String reason, int failures) {
		String why = "actor '" + this.cell.uid + "' (" + this.cell.info.type().getSimpleName() + ") at "
				+ this.cell.poolAddress() + " was removed: it failed " + failures + " time" + ((failures == 1) ? "" : "s")
				+ " within " + format(this.supervision.limits().within()) + ", last with " + reason;
		logger.warn(why, error);
		this.removal = why;
		this.services.directory().ends().removedActor(this.cell.uid, why);
		this.services.directory().remove(this.cell, gone());
		this.services.events()
			.publish(new RecoveryEvent.ActorGaveUp(this.cell.time.instant(), this.cell.uid,
					this.cell.info.type().getName(), this.cell.poolAddress(), failures - 1, reason));
		ended(error);
	}

	/** The restart under way is over without a new instance: waiting calls fail, the lock is let go. */
	private void ended(Throwable error) {
		List<Call> held;
		CompletableFuture<Object> restart;
		boolean creating;
		synchronized (this) {
			held = this.held;
			this.held = new ArrayList<>();
			restart = this.restart;
			this.restart = null;
			creating = this.creating;
			this.creating = false;
		}
		for (Call call : held) {
			call.fail(gone());
		}
		if (restart != null) {
			if (creating && error != null) {
				restart.completeExceptionally(error);
			}
			else {
				restart.complete(null);
			}
		}
	}

	private String describe() {
		return "actor '" + this.cell.uid + "' (" + this.cell.info.type().getSimpleName() + ") at "
				+ this.cell.poolAddress();
	}

	/** @return the exception's class and message, never throwing (a message may be hostile) */
	static String reason(Throwable error) {
		String name = simpleName(error);
		String message;
		try {
			message = error.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			message = "(getMessage() threw " + ex.getClass().getName() + ")";
		}
		return (message != null) ? name + ": " + message : name;
	}

	private static String simpleName(Throwable error) {
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? error.getClass().getName() : name;
	}

	/** @return "1m", "30s", "1500ms" */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + "s";
		}
		return millis + "ms";
	}

}
