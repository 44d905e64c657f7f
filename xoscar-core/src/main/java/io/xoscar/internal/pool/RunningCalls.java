package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The calls an actor runs concurrently (a stateless actor's, or {@code @NoLock} ones), for listings
 * of calls in flight. A few slots claimed by compare-and-set: two cheap operations per call, no
 * allocation. When every slot is taken the call runs untracked and is only counted.
 */
final class RunningCalls {

	private final AtomicReferenceArray<Call> slots;

	RunningCalls(int size) {
		this.slots = new AtomicReferenceArray<>(size);
	}

	/** @return the slot taken, or -1 */
	int add(Call call) {
		int length = this.slots.length();
		int start = ThreadLocalRandom.current().nextInt(length);
		for (int i = 0; i < length; i++) {
			int slot = (start + i) % length;
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

	void addTo(List<Call> calls) {
		for (int i = 0; i < this.slots.length(); i++) {
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
