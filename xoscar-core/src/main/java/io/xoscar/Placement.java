package io.xoscar;

import java.util.Objects;

/**
 * Where a new actor goes. Pools are numbered from 0 (the main pool); sub pools carry labels.
 */
public sealed interface Placement {

	/**
	 * @param address the address of a pool (of this node or another)
	 * @return the pool at that address
	 */
	static Placement address(String address) {
		return new Address(address);
	}

	/**
	 * @return the node's main pool (index 0)
	 */
	static Placement mainPool() {
		return MainPool.INSTANCE;
	}

	/**
	 * @return a sub pool picked at random
	 */
	static Placement randomSubPool() {
		return RandomSubPool.INSTANCE;
	}

	/**
	 * @param index the pool index, 0 being the main pool
	 * @return the pool with that index
	 */
	static Placement pool(int index) {
		return new PoolIndex(index);
	}

	/**
	 * @param label a pool label
	 * @return a pool with that label, picked at random
	 */
	static Placement label(String label) {
		return new Label(label);
	}

	/**
	 * One actor per pool per mark: picks a pool with the label that holds no live actor created with
	 * the same mark, or fails with {@link io.xoscar.exception.NoIdleSlotException}. Safe under
	 * parallel creates.
	 * @param label a pool label
	 * @param mark what must not be placed twice in one pool
	 * @return the placement
	 */
	static Placement idleLabel(String label, String mark) {
		return new IdleLabel(label, mark);
	}

	/**
	 * @param label a pool label
	 * @return the pool with that label holding the fewest actors, then the shortest backlog
	 */
	static Placement leastLoaded(String label) {
		return new LeastLoaded(label);
	}

	/** @param address the pool address */
	record Address(String address) implements Placement {
		public Address {
			Objects.requireNonNull(address, "address");
		}
	}

	/** The main pool. */
	enum MainPool implements Placement {
		INSTANCE
	}

	/** A random sub pool. */
	enum RandomSubPool implements Placement {
		INSTANCE
	}

	/** @param index the pool index */
	record PoolIndex(int index) implements Placement {
	}

	/** @param label the label */
	record Label(String label) implements Placement {
		public Label {
			Objects.requireNonNull(label, "label");
		}
	}

	/**
	 * @param label the label
	 * @param mark the mark
	 */
	record IdleLabel(String label, String mark) implements Placement {
		public IdleLabel {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(mark, "mark");
		}
	}

	/** @param label the label */
	record LeastLoaded(String label) implements Placement {
		public LeastLoaded {
			Objects.requireNonNull(label, "label");
		}
	}

}
