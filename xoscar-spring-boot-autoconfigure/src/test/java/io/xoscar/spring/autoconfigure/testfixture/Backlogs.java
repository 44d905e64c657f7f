package io.xoscar.spring.autoconfigure.testfixture;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.xoscar.ActorHandle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes a {@link Holder} run a long call with a second one waiting behind it in its mailbox.
 */
public final class Backlogs {

	private Backlogs() {
	}

	/**
	 * Runs the checks while the holder runs a call to {@code hold} and a call to {@code ping} waits in
	 * its mailbox, then lets both run and checks that they answer.
	 * @param holder the actor
	 * @param wait how long to wait for the first call to start, and for each to answer once released
	 * @param checks what to check meanwhile
	 */
	public static void withABacklog(ActorHandle<Holder> holder, Duration wait, Checks checks) throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> held;
		CompletableFuture<String> queued;
		try {
			held = holder.method("hold").send(entered, release);
			assertThat(entered.await(wait.toSeconds(), TimeUnit.SECONDS)).isTrue();
			queued = holder.method("ping").send();
			checks.run();
		}
		finally {
			release.countDown();
		}
		assertThat(held.get(wait.toSeconds(), TimeUnit.SECONDS)).isEqualTo("released");
		assertThat(queued.get(wait.toSeconds(), TimeUnit.SECONDS)).isEqualTo("pong");
	}

	/** Checks that may throw. */
	@FunctionalInterface
	public interface Checks {

		void run() throws Exception;

	}

}
