package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.xoscar.ActorSystem.ActorInfo;

/**
 * An actor, as the {@code xoscar} endpoint shows it.
 *
 * @param uid its uid
 * @param actorClass its class
 * @param stateful whether it takes one call at a time
 * @param pool the index of its pool
 * @param backlog calls waiting in its mailbox
 * @param calls calls it started since it was created
 * @param inFlight its calls now running or awaiting an asynchronous result
 * @param restarts how often its supervision restarted it
 * @param lastRestartReason the failure that caused the last restart, or {@code null}
 * @param callers who called it, estimated from the calls sampled for metrics (1 in 16): by the
 * calling actor's uid, calls from threads that run no actor's call under {@code ""}
 */
public record ActorDescriptor(String uid, String actorClass, boolean stateful, int pool, int backlog, long calls,
		List<CallDescriptor> inFlight, int restarts, @Nullable String lastRestartReason, Map<String, Long> callers) {

	static ActorDescriptor of(ActorInfo actor) {
		return new ActorDescriptor(actor.uid(), actor.actorClass(), actor.stateful(), actor.pool(),
				actor.backlog(), actor.calls(), actor.inFlight().stream().map(CallDescriptor::of).toList(),
				actor.restarts(), actor.lastRestartReason(), actor.callers());
	}

}
