package io.xoscar.recovery;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * What the recovery tests do to process pools from outside, as an operator would: read the pools,
 * kill a child with SIGKILL, wait for the pool to be back, and take the failure of a call.
 */
final class ProcessPoolCrashes {

	/** Bound of one restart on a busy two-core machine (a child JVM starts in about 3 s). */
	static final Duration RESTART = Duration.ofSeconds(30);

	private ProcessPoolCrashes() {
	}

	static PoolInfo pool(ActorSystem system, int index) {
		return system.pools()
			.stream()
			.filter((pool) -> pool.index() == index)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no pool " + index + " in " + system.pools()));
	}

	/**
	 * Kills the process of a pool with SIGKILL, as {@code kill -9} does.
	 * @return the pid killed
	 */
	static long kill(ActorSystem system, int index) {
		PoolInfo pool = pool(system, index);
		assertThat(pool.state()).as("pool %d before the kill", index).isEqualTo(PoolState.UP);
		kill(pool.pid());
		return pool.pid();
	}

	static void kill(long pid) {
		ProcessHandle process = ProcessHandle.of(pid)
			.orElseThrow(() -> new AssertionError("no process " + pid + " to kill"));
		assertThat(process.destroyForcibly()).as("SIGKILL sent to %d", pid).isTrue();
		await().atMost(RESTART).until(() -> !process.isAlive());
	}

	static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * @return the pool once it is up again with another process than {@code deadPid}
	 */
	static PoolInfo awaitRestarted(ActorSystem system, int index, long deadPid) {
		await().atMost(RESTART)
			.alias("pool " + index + " up again after pid " + deadPid + " died")
			.until(() -> {
				PoolInfo pool = pool(system, index);
				return pool.state() == PoolState.UP && pool.pid() != deadPid;
			});
		return pool(system, index);
	}

	/**
	 * @return the pool once it is down for good
	 */
	static PoolInfo awaitDown(ActorSystem system, int index) {
		await().atMost(RESTART)
			.alias("pool " + index + " down")
			.until(() -> pool(system, index).state() == PoolState.DOWN);
		return pool(system, index);
	}

	/**
	 * Waits until the actor's child JVM lists a call of the method as in flight: it reached the
	 * actor, it is not only sent.
	 */
	static void awaitInFlight(ActorSystem system, String uid, String method) {
		await().atMost(RESTART)
			.alias("a call of " + method + " in flight at actor '" + uid + "'")
			.until(() -> system.actors()
				.join()
				.stream()
				.filter((actor) -> actor.uid().equals(uid))
				.flatMap((actor) -> actor.inFlight().stream())
				.anyMatch((call) -> call.method().contains(method)));
	}

	/**
	 * @return what the future failed with (unwrapped), which it must do within {@code bound}
	 */
	static Throwable failureWithin(Future<?> future, Duration bound) {
		try {
			Object result = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
			return fail("expected a failure, the call answered " + result);
		}
		catch (ExecutionException ex) {
			return unwrap(ex);
		}
		catch (TimeoutException ex) {
			return fail("the call did not end within " + bound);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted");
		}
	}

	/**
	 * @return what the action threw or the future it returned failed with (unwrapped)
	 */
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

	static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof ExecutionException || cause instanceof CompletionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
