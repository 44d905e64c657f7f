package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;

/**
 * A caller about to block on a call's future first watches it for a few microseconds: a result
 * that comes in that time spares the caller's thread a park and its wake-up (~20 µs here, a third of
 * a sequential call handed to another thread). Only where there is a core to spare (more than
 * one), and adaptive per thread: a thread whose spins keep missing (its calls take longer, or the
 * machine is busy) stops spinning, and tries again once in a while.
 */
final class BriefSpin {

	/** How long a spin lasts at most. */
	static final long SPIN_NANOS = 20_000;

	/** After this many misses in a row, a thread stops spinning... */
	private static final int MISSES_TO_STOP = 4;

	/** ...and tries once again after this many waits without. */
	private static final int WAITS_BETWEEN_PROBES = 64;

	private static final boolean CORES_TO_SPARE = Runtime.getRuntime().availableProcessors() > 1;

	private static final ThreadLocal<int[]> MISSES = ThreadLocal.withInitial(() -> new int[2]);

	private BriefSpin() {
	}

	/** Spins until the future is done or the spin is over; the caller then waits as it would. */
	static void awaitBriefly(CompletableFuture<?> future) {
		if (!CORES_TO_SPARE || future.isDone()) {
			return;
		}
		int[] state = MISSES.get(); // [misses in a row, waits skipped since the last probe]
		if (state[0] >= MISSES_TO_STOP && ++state[1] < WAITS_BETWEEN_PROBES) {
			return;
		}
		state[1] = 0;
		long deadline = System.nanoTime() + SPIN_NANOS;
		for (int i = 1;; i++) {
			if (future.isDone()) {
				state[0] = 0;
				return;
			}
			Thread.onSpinWait();
			if ((i & 63) == 0 && System.nanoTime() > deadline) {
				state[0] = Math.min(state[0] + 1, MISSES_TO_STOP);
				return;
			}
		}
	}

}
