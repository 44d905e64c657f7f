package io.xoscar.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * Typed proxy view of {@link Counter} ({@code ActorHandle.as(CounterApi.class)}).
 */
public interface CounterApi {

	long add(long n);

	CompletableFuture<Long> get();

}
