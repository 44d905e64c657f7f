package io.xoscar.observation;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import io.xoscar.observation.ActorCallObservation.HighCardinalityKeys;
import io.xoscar.observation.ActorCallObservation.LowCardinalityKeys;

/**
 * The key values and the name both default conventions give a call's observations.
 */
final class ActorCallKeyValues {

	private static final String UNKNOWN = "unknown";

	private ActorCallKeyValues() {
	}

	static KeyValues lowCardinality(@Nullable Class<?> actorClass, String method, ActorCallKind kind) {
		return KeyValues.of(LowCardinalityKeys.ACTOR.withValue((actorClass != null) ? actorClass.getName() : UNKNOWN),
				LowCardinalityKeys.METHOD.withValue(method), LowCardinalityKeys.KIND.withValue(kind.value()));
	}

	static KeyValues highCardinality(String uid, String address) {
		return KeyValues.of(HighCardinalityKeys.UID.withValue(uid), HighCardinalityKeys.ADDRESS.withValue(address));
	}

	/**
	 * @return {@code SimpleClassName.method} (a span's name), or the method when the class is not known
	 */
	static String contextualName(@Nullable Class<?> actorClass, String method) {
		return (actorClass != null) ? actorClass.getSimpleName() + "." + method : method;
	}

}
