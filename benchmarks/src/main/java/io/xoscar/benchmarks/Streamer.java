package io.xoscar.benchmarks;

import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Flux;

import io.xoscar.Actor;

/**
 * Streams for {@link StreamingCrossProcess}: small items ({@code Long}s made as they are asked for) and
 * {@value #CHUNK}-byte chunks, all the same array, allocated and filled once when the actor is made,
 * so that a stream of chunks costs the producer no filling.
 */
public class Streamer extends Actor {

	/** Bytes per chunk: 1 MiB. */
	static final int CHUNK = 1 << 20;

	private final byte[] chunk = new byte[CHUNK];

	public Streamer() {
		ThreadLocalRandom.current().nextBytes(this.chunk);
	}

	/** @return 0, 1, … {@code count - 1} */
	public Flux<Long> range(long count) {
		return Flux.range(0, Math.toIntExact(count)).map((i) -> (long) i);
	}

	/** @return the chunk, {@code count} times */
	public Flux<byte[]> chunks(int count) {
		return Flux.range(0, count).map((i) -> this.chunk);
	}

	/** @return the chunk (for checking what a stream delivers) */
	public byte[] chunk() {
		return this.chunk;
	}

}
