package io.xoscar.spring.autoconfigure.dashboard;

import java.util.List;

import io.xoscar.spring.autoconfigure.actuate.endpoint.ActorDescriptor;

/**
 * One actor, as the dashboard opens it: the JSON of {@code api/actor?uid=}. Calls are counted by
 * actor class in each pool (that is where the node keeps them, for its meters), so the series are
 * those of all the actors of its class in its pool; {@code classActors} says how many there are.
 *
 * @param actor the actor as listed now
 * @param poolId the id of its pool
 * @param poolName the name of its pool (a process pool group's name for all its processes)
 * @param classActors how many actors of its class are in pools of that name
 * @param methods the series of its class's methods in pools of that name, by method name
 */
public record DashboardActor(ActorDescriptor actor, String poolId, String poolName, int classActors,
		List<DashboardSeries> methods) {
}
