package io.xoscar.streaming;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * What the streaming tests share: waiting for a count to settle, taking a stream's or a future's
 * failure, and (as {@code recovery.ProcessPoolCrashes} does) killing a child JVM with SIGKILL and
 * waiting for it to be back.
 */
final class StreamingFixtures {

	/** The process pool of the tests' systems. */
	static final int CHILD = 1;

	/** Bound of one restart on a busy two-core machine (a child JVM starts in about 3 s). */
	static final Duration RESTART = Duration.ofSeconds(30);

	/** Bound of any one wait that should end quickly. */
	static final Duration BOUND = Duration.ofSeconds(30);

	/** {@code RemoteStream.WINDOW}: items a remote producer may make ahead of what arrived. */
	static final int WINDOW = 512;

	private StreamingFixtures() {
	}

	/**
	 * Waits until the count read twice in a row is what it was before (three equal reads, a poll
	 * apart): the producer stopped making items.
	 * @return the settled count
	 */
	static long awaitStable(LongSupplier count) {
		AtomicLong last = new AtomicLong(-1);
		AtomicInteger same = new AtomicInteger();
		await().atMost(BOUND).pollInterval(Duration.ofMillis(150)).alias("the count stops growing").until(() -> {
			long now = count.getAsLong();
			if (now == last.getAndSet(now)) {
				return same.incrementAndGet() >= 2;
			}
			same.set(0);
			return false;
		});
		return last.get();
	}

	/** @return the signals of a stream that must end within {@link #BOUND}: its items, then its end */
	static <T> List<Signal<T>> signals(Flux<T> items) {
		List<Signal<T>> signals = items.materialize().collectList().block(BOUND);
		assertThat(signals).as("signals").isNotNull();
		return signals;
	}

	/** @return what the stream failed with, which it must do within {@code bound} */
	static Throwable failureOf(Flux<?> items, Duration bound) {
		return failureWithin(items.then().toFuture(), bound);
	}

	/** @return what the action threw, or what the future it returned failed with (unwrapped) */
	static Throwable failureOf(Callable<? extends Future<?>> action, Duration bound) {
		Future<?> future;
		try {
			future = action.call();
		}
		catch (Throwable ex) {
			return unwrap(ex);
		}
		return failureWithin(future, bound);
	}

	/** @return what the future failed with (unwrapped), which it must do within {@code bound} */
	static Throwable failureWithin(Future<?> future, Duration bound) {
		try {
			Object result = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
			return fail("expected a failure, got " + result);
		}
		catch (ExecutionException ex) {
			return unwrap(ex);
		}
		catch (TimeoutException ex) {
			return fail("no failure within " + bound);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted");
		}
	}

	static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof ExecutionException || cause instanceof CompletionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	static PoolInfo pool(ActorSystem system, int index) {
		return system.pools()
			.stream()
			.filter((pool) -> pool.index() == index)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no pool " + index + " in " + system.pools()));
	}

	static void awaitUp(ActorSystem system, int index) {
		await().atMost(RESTART)
			.alias("pool " + index + " up")
			.until(() -> pool(system, index).state() == PoolState.UP);
	}

	/**
	 * Kills the process of a pool with SIGKILL, as {@code kill -9} does, and waits until it is dead.
	 * @return the pid killed
	 */
	static long kill(ActorSystem system, int index) {
		PoolInfo pool = pool(system, index);
		assertThat(pool.state()).as("pool %d before the kill", index).isEqualTo(PoolState.UP);
		ProcessHandle process = ProcessHandle.of(pool.pid())
			.orElseThrow(() -> new AssertionError("no process " + pool.pid() + " to kill"));
		assertThat(process.destroyForcibly()).as("SIGKILL sent to %d", pool.pid()).isTrue();
		await().atMost(RESTART).until(() -> !process.isAlive());
		return pool.pid();
	}

	/** Waits until the pool is up again with another process than {@code deadPid}. */
	static void awaitRestarted(ActorSystem system, int index, long deadPid) {
		await().atMost(RESTART)
			.alias("pool " + index + " up again after pid " + deadPid + " died")
			.until(() -> {
				PoolInfo pool = pool(system, index);
				return pool.state() == PoolState.UP && pool.pid() != deadPid;
			});
	}

}
