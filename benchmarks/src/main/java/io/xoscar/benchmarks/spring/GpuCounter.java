package io.xoscar.benchmarks.spring;

import io.xoscar.Actor;
import io.xoscar.spring.XActor;

/**
 * A counter in the {@code gpu} process pool, built from its bean definition in the child JVM's
 * context; it also tells when that JVM's start steps happened.
 */
@XActor(uid = "counter", pool = "gpu")
public class GpuCounter extends Actor {

	private final ChildClock.Timings timings = ChildClock.now();

	private long value;

	public long add(long n) {
		return this.value += n;
	}

	public ChildClock.Timings timings() {
		return this.timings;
	}

}
