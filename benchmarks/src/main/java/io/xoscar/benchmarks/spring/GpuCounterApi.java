package io.xoscar.benchmarks.spring;

/**
 * The {@code @ActorRef} proxy view of {@link GpuCounter}.
 */
public interface GpuCounterApi {

	long add(long n);

	ChildClock.Timings timings();

}
