package io.xoscar.internal.call;

import java.time.Duration;

import io.xoscar.internal.reflect.Invocable;

/**
 * How long one call may take, in every call style: the timeout given for the call, else the one its
 * method declares ({@link io.xoscar.CallTimeout}), else the caller's default. When that time has
 * come is {@link Deadlines}' business. It also carries what the caller said of the call site: whether
 * its calls may be repeated once after a crash of the actor's process ({@link io.xoscar.ActorMethod#idempotent()}).
 *
 * @param given the timeout given for this call, or {@code null}
 * @param fallback the caller's default, or {@code null} for none
 * @param repeatable whether the caller marked the call safe to repeat
 */
public record Timeout(Duration given, Duration fallback, boolean repeatable) {

	/** For a call relayed on behalf of another caller, who bounds it: no default of its own. */
	public static final Timeout RELAYED = new Timeout(null, null, false);

	/** @return the same bounds, the call marked safe to repeat */
	public Timeout asRepeatable() {
		return new Timeout(this.given, this.fallback, true);
	}

	/**
	 * @param method the method called, or {@code null} if unknown here
	 * @return the bound of the call, or {@code null} for none
	 */
	public Duration of(Invocable method) {
		Duration chosen = chosenFor(method);
		return (chosen != null) ? chosen : this.fallback;
	}

	/**
	 * @param method the method called, or {@code null} if unknown here
	 * @return the timeout given for the call, else the one its method declares, else {@code null}
	 */
	public Duration chosenFor(Invocable method) {
		if (this.given != null) {
			return this.given;
		}
		return (method != null) ? method.limits().timeout() : null;
	}

}
