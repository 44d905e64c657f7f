package io.xoscar;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A call captured by {@link ActorMethod#delay(Object...)}, to be sent later as part of a batch.
 * The arguments are kept as given (not copied).
 *
 * @param target the actor
 * @param method the method name
 * @param args the arguments
 */
public record DelayedCall(ActorHandle<?> target, String method, @Nullable Object[] args) {

	public DelayedCall {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(args, "args");
	}

	@Override
	public String toString() {
		return this.target.uid() + "." + this.method + Arrays.toString(this.args);
	}

}
