package io.xoscar.spring.autoconfigure.actuate;

import io.xoscar.ActorSystem.PoolInfo;

/**
 * How the health contributor and the endpoint name a pool. Kept apart from both, so that each of
 * them loads without the other's optional module. Public only for the packages of the endpoint and
 * the health contributor; not an API.
 */
public final class PoolIds {

	private PoolIds() {
	}

	/**
	 * @param pool a pool
	 * @return {@code main} for the main pool, {@code <group>-<index>} for sub pools ({@code cpu-1},
	 * {@code gpu-3}): unique on the node, and stable as long as the pool lives
	 */
	public static String id(PoolInfo pool) {
		return (pool.index() == 0) ? pool.name() : pool.name() + "-" + pool.index();
	}

}
