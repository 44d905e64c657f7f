package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The calls an actor runs concurrently (a stateless actor's, or {@code @NoLock} ones), for listings
 * of calls in flight. A few slots claimed by compare-and-set: two cheap operations per call, no
 * allocation. When every slot is taken the call runs untracked and is only counted. Slots are a
 * cache line apart, so that threads running calls side by side do not write to the same line.
 */
final class RunningCalls {

	/** 64 bytes of references, compressed or not. */
	private static final int STRIDE = 16;

	private final AtomicReferenceArray<Call> slots;

	private final int size;

	RunningCalls(int size) {
		this.size = size;
		this.slots = new AtomicReferenceArray<>(size * STRIDE);
	}

	/** @return the slot taken, or -1 */
	int add(Call call) {
		int start = ThreadLocalRandom.current().nextInt(this.size);
		for (int i = 0; i < this.size; i++) {
			int slot = ((start + i) % this.size) * STRIDE;
			if (this.slots.getPlain(slot) == null && this.slots.compareAndSet(slot, null, call)) {
				return slot;
			}
		}
		return -1;
	}

	void remove(int slot, Call call) {
		if (slot >= 0) {
			this.slots.compareAndSet(slot, call, null);
		}
	}

	/** @return whether the call is still listed in the slot it took */
	boolean holds(int slot, Call call) {
		return slot >= 0 && this.slots.get(slot) == call;
	}

	/** Shows each listed call to the watchdog. */
	void watch(Watchdog watchdog, ActorCell cell, long now) {
		for (int i = 0; i < this.slots.length(); i += STRIDE) {
			Call call = this.slots.get(i);
			if (call != null) {
				watchdog.checkRunning(cell, call, now);
			}
		}
	}

	void addTo(List<Call> calls) {
		for (int i = 0; i < this.slots.length(); i += STRIDE) {
			Call call = this.slots.get(i);
			if (call != null) {
				calls.add(call);
			}
		}
	}

	List<Call> list() {
		List<Call> calls = new ArrayList<>();
		addTo(calls);
		return calls;
	}

}
