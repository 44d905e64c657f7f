package io.xoscar.benchmarks;

import io.xoscar.Actor;

/**
 * The xoscar actor under test: a stateful counter (one call at a time).
 */
public class Counter extends Actor {

	private long value;

	public long add(long n) {
		return this.value += n;
	}

	public long get() {
		return this.value;
	}

}
