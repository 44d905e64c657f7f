package io.xoscar.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@link ActorCallObservation#CLIENT} observations. A
 * {@link io.micrometer.observation.GlobalObservationConvention} for {@link ActorCallClientContext}
 * registered with the observation registry replaces it.
 */
public class DefaultActorCallClientConvention implements ObservationConvention<ActorCallClientContext> {

	/** The convention calls use unless the registry has another. */
	public static final DefaultActorCallClientConvention INSTANCE = new DefaultActorCallClientConvention();

	@Override
	public String getName() {
		return ActorCallObservation.CLIENT.getName();
	}

	@Override
	public String getContextualName(ActorCallClientContext context) {
		return ActorCallKeyValues.contextualName(context.getActorClass(), context.getMethod());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ActorCallClientContext context) {
		return ActorCallKeyValues.lowCardinality(context.getActorClass(), context.getMethod(), context.getCallKind());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ActorCallClientContext context) {
		return ActorCallKeyValues.highCardinality(context.getUid(), context.getAddress());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ActorCallClientContext;
	}

}
