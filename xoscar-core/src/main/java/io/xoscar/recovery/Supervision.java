package io.xoscar.recovery;

import java.util.List;
import java.util.Objects;

/**
 * When an actor of this JVM is restarted (a new instance made with the same uid, class and
 * constructor arguments, its {@code postCreate} run): when a method throws one of
 * {@code restartOn} (or a subclass), or when {@code postCreate} fails and
 * {@code restartOnPostCreateFailure} says so; as often and as soon as {@code limits} allow. The
 * failing call fails with its exception; the calls queued behind it run on the new instance. When
 * the limits are spent the actor is removed.
 *
 * @param restartOn the exception types that restart the actor when a method throws them
 * @param restartOnPostCreateFailure whether a failing {@code postCreate} is retried on a new
 * instance (at creation and at restarts)
 * @param limits how often and how soon
 */
public record Supervision(List<Class<? extends Throwable>> restartOn, boolean restartOnPostCreateFailure,
		RestartLimits limits) {

	/** Never restart: a method that throws fails its call, the actor stays as it is. */
	public static final Supervision NONE = new Supervision(List.of(), false, RestartLimits.DEFAULTS);

	public Supervision {
		restartOn = List.copyOf(restartOn);
		Objects.requireNonNull(limits, "limits");
	}

	/**
	 * @param types the exception types that restart the actor
	 * @return a supervision restarting on those, with the default limits
	 */
	@SafeVarargs
	public static Supervision restartOn(Class<? extends Throwable>... types) {
		return new Supervision(List.of(types), false, RestartLimits.DEFAULTS);
	}

	/** @return this supervision, also restarting when {@code postCreate} fails */
	public Supervision andOnPostCreateFailure() {
		return new Supervision(this.restartOn, true, this.limits);
	}

	/**
	 * @param limits how often and how soon
	 * @return this supervision with those limits
	 */
	public Supervision withLimits(RestartLimits limits) {
		return new Supervision(this.restartOn, this.restartOnPostCreateFailure, limits);
	}

	/** @return whether it ever restarts */
	public boolean restarts() {
		return !this.restartOn.isEmpty() || this.restartOnPostCreateFailure;
	}

	/**
	 * @param failure what a method threw
	 * @return whether it restarts the actor
	 */
	public boolean restartsOn(Throwable failure) {
		for (Class<? extends Throwable> type : this.restartOn) {
			if (type.isInstance(failure)) {
				return true;
			}
		}
		return false;
	}

}
