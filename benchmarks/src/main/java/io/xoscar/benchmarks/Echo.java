package io.xoscar.benchmarks;

import io.xoscar.Actor;

/**
 * Returns what it gets: {@code byte[]} arguments and results travel as raw CBOR byte strings.
 */
public class Echo extends Actor {

	public byte[] echo(byte[] data) {
		return data;
	}

}
