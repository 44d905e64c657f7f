package io.xoscar.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@link ActorCallObservation#SERVER} observations. A
 * {@link io.micrometer.observation.GlobalObservationConvention} for {@link ActorCallServerContext}
 * registered with the observation registry replaces it.
 */
public class DefaultActorCallServerConvention implements ObservationConvention<ActorCallServerContext> {

	/** The convention calls use unless the registry has another. */
	public static final DefaultActorCallServerConvention INSTANCE = new DefaultActorCallServerConvention();

	@Override
	public String getName() {
		return ActorCallObservation.SERVER.getName();
	}

	@Override
	public String getContextualName(ActorCallServerContext context) {
		return ActorCallKeyValues.contextualName(context.getActorClass(), context.getMethod());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ActorCallServerContext context) {
		return ActorCallKeyValues.lowCardinality(context.getActorClass(), context.getMethod(), context.getCallKind());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ActorCallServerContext context) {
		return ActorCallKeyValues.highCardinality(context.getUid(), context.getAddress());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ActorCallServerContext;
	}

}
