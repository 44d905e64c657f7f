package io.xoscar.sample;

import io.xoscar.Actor;

/**
 * A stateful actor: its state needs no lock because it runs one call at a time.
 */
public class CounterActor extends Actor {

	private long value;

	public long add(long delta) {
		return this.value += delta;
	}

	public long get() {
		return this.value;
	}

}
