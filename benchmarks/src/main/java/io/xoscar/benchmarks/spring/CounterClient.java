package io.xoscar.benchmarks.spring;

import org.springframework.stereotype.Component;

import io.xoscar.spring.ActorRef;

/**
 * How the application reaches the {@link GpuCounter}: an {@code @ActorRef} proxy injected into a
 * bean, taken once, before any kill.
 */
@Component
public class CounterClient {

	private final GpuCounterApi counter;

	CounterClient(@ActorRef("counter") GpuCounterApi counter) {
		this.counter = counter;
	}

	public GpuCounterApi counter() {
		return this.counter;
	}

}
