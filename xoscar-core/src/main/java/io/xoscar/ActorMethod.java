package io.xoscar;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One method of an actor, selected by name through {@link ActorHandle#method(String)}. Each call
 * picks the overload by its arguments; an unknown or ambiguous method fails with an error naming it.
 * <p>
 * Calls from one thread to one stateful actor run in the order they were made.
 */
public interface ActorMethod {

	/**
	 * @return the method name
	 */
	String name();

	/**
	 * Calls the method and returns at once. The future completes with the method's result (the value
	 * of the returned future, for an asynchronous method) or its exception; cancelling it cancels the
	 * call: a queued call is dropped, a running one is interrupted or has its future cancelled. It
	 * fails with {@link io.xoscar.exception.CallTimeoutException} when the call timeout passes (given
	 * with {@link #withTimeout}, declared with {@link CallTimeout}, or the node's), and the call is
	 * cancelled.
	 * @param <R> the result type
	 * @param args the arguments
	 * @return the result
	 */
	<R extends @Nullable Object> CompletableFuture<R> send(@Nullable Object... args);

	/**
	 * The same method, with a timeout for each call made through it, instead of the method's own
	 * ({@link CallTimeout}) or the node's: {@code call} waits at most that long, and the futures of
	 * {@code send}, {@code mono} and {@code batch} fail with
	 * {@link io.xoscar.exception.CallTimeoutException} after it; either way the call is cancelled.
	 * {@code tell} is not bounded: nobody waits for it.
	 * @param timeout the timeout, positive
	 * @return the method with that timeout
	 */
	ActorMethod withTimeout(Duration timeout);

	/**
	 * The same method, marked safe to repeat for each call made through it (as {@link Idempotent}
	 * marks a method for all its calls): a call in flight when the actor's process pool crashes is
	 * sent once more to the re-created actor, once the pool is back, instead of failing with
	 * {@link io.xoscar.exception.PoolDownException}. Still bounded by the call's timeout. Calls to
	 * actors of this JVM are not affected: they never get lost that way.
	 * @return the method, repeated once after a crash
	 */
	ActorMethod idempotent();

	/**
	 * Calls the method and waits for its result, at most its call timeout (given with
	 * {@link #withTimeout}, declared with {@link CallTimeout}, or the node's). When the actor is
	 * idle and the caller is not a thread of another pool, the method runs on the calling thread.
	 * @param <R> the result type
	 * @param args the arguments
	 * @return the result
	 * @throws io.xoscar.exception.CallTimeoutException when the call timeout passes
	 */
	<R extends @Nullable Object> R call(@Nullable Object... args);

	/**
	 * Like {@link #send(Object...)}, lazily: the call is made on subscription and cancelled on
	 * disposal; bounded by the same call timeout.
	 * @param <R> the result type
	 * @param args the arguments
	 * @return the result
	 */
	<R> Mono<R> mono(@Nullable Object... args);

	/**
	 * Calls a method that returns a stream (a {@code Flux}, a {@code java.util.stream.Stream} or any
	 * Reactive Streams {@code Publisher}) and receives its items, in order, in one JVM and across
	 * processes and hosts. Lazily: each subscription makes one call, which lasts until the stream
	 * completes, fails or is cancelled; a stateful actor takes no other call meanwhile (unless the
	 * method is {@link NoLock}). The subscriber's demand reaches the producer (a slow subscriber holds
	 * it back), and cancelling (also {@code take(n)} or a timeout downstream) disposes the producer.
	 * Errors arrive as for {@link #send}: the method's exception, or
	 * {@link io.xoscar.exception.PoolDownException} when the actor's pool goes away mid-stream. While
	 * items are wanted, a stream that sends none for longer than the call timeout fails with
	 * {@link io.xoscar.exception.CallTimeoutException} and is cancelled.
	 * @param <T> the item type
	 * @param args the arguments
	 * @return the items
	 */
	<T> Flux<T> stream(@Nullable Object... args);

	/**
	 * Sends the call without waiting for it to run. Errors thrown by the method are logged.
	 * @param args the arguments
	 * @return completes when the call is handed over to the actor's mailbox or transport
	 */
	CompletableFuture<Void> tell(@Nullable Object... args);

	/**
	 * Sends the call after a delay. Cancelling the returned future before then drops it.
	 * @param delay how long to wait before sending
	 * @param args the arguments
	 * @return completes when the call is handed over
	 */
	CompletableFuture<Void> tellDelay(Duration delay, @Nullable Object... args);

	/**
	 * Captures a call of this method for a {@link #batch batch}.
	 * @param args the arguments
	 * @return the captured call
	 */
	DelayedCall delay(@Nullable Object... args);

	/**
	 * Runs several calls of this method as one message and one actor turn: the batch implementation
	 * ({@link BatchOf}) receives them all, or else the method runs once per call. The whole batch is
	 * bounded by one call timeout (given, else the batch implementation's or the method's
	 * {@link CallTimeout}, else the node's).
	 * @param <R> the result type of one call
	 * @param calls calls made with {@link #delay(Object...)} on this method
	 * @return one result per call, in order; an empty batch gives an empty list
	 */
	<R extends @Nullable Object> CompletableFuture<List<R>> batch(List<DelayedCall> calls);

	/**
	 * @param <R> the result type of one call
	 * @param calls calls made with {@link #delay(Object...)} on this method
	 * @return one result per call, in order
	 * @see #batch(List)
	 */
	default <R extends @Nullable Object> CompletableFuture<List<R>> batch(DelayedCall... calls) {
		return batch(List.of(calls));
	}

	/**
	 * Sends a batch without waiting for it to run; errors are logged.
	 * @param calls calls made with {@link #delay(Object...)} on this method
	 * @return completes when the batch is handed over
	 */
	CompletableFuture<Void> tellBatch(List<DelayedCall> calls);

	/**
	 * @param calls calls made with {@link #delay(Object...)} on this method
	 * @return completes when the batch is handed over
	 * @see #tellBatch(List)
	 */
	default CompletableFuture<Void> tellBatch(DelayedCall... calls) {
		return tellBatch(List.of(calls));
	}

}
