package io.xoscar.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.RecordingListener;
import io.xoscar.exception.DeadlockException;

import static io.xoscar.debug.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadlock between call chains that spans the processes of a node: an actor of this JVM and one of
 * a process pool each hold their own lock and wait for a call queued behind the other's. Neither
 * process sees the cycle; the pool sends its part to its parent, which puts the parts together,
 * fails the youngest waiting call and reports the deadlock.
 */
class CrossProcessDeadlockTest {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	private static final RecordingListener listener = new RecordingListener();

	private static ActorSystem system;

	@BeforeAll
	static void start() {
		system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(4)
			.pool(PoolConfig.thread("near").threads(1))
			.pool(PoolConfig.process("far").threads(2).jvmArgs("-Xmx96m"))
			.callTimeout(Duration.ofSeconds(30))
			.debugListener(listener)
			.build());
	}

	@AfterAll
	static void stop() {
		system.close();
	}

	/** Where the transfers meet, so that both hold their account before they deposit. */
	public static class Meeting extends StatelessActor {

		private final CountDownLatch arrived;

		public Meeting(int parties) {
			this.arrived = new CountDownLatch(parties);
		}

		public boolean meet() throws InterruptedException {
			this.arrived.countDown();
			return this.arrived.await(10, TimeUnit.SECONDS);
		}

	}

	public static class Account extends Actor {

		private int balance = 100;

		public int transfer(ActorHandle<Account> to, int amount, ActorHandle<Meeting> meeting) {
			meeting.method("meet").<Boolean>call();
			this.balance -= amount;
			return to.method("deposit").call(amount);
		}

		public CompletableFuture<Integer> transferLater(ActorHandle<Account> to, int amount,
				ActorHandle<Meeting> meeting) {
			meeting.method("meet").<Boolean>call();
			this.balance -= amount;
			return to.method("deposit").send(amount);
		}

		public int deposit(int amount) {
			this.balance += amount;
			return this.balance;
		}

	}

	@Test
	void aCycleBetweenThisJvmAndAProcessPoolFailsTheYoungestWait() throws Exception {
		expectOneBroken("transfer", "a", "b");
	}

	@Test
	void aCycleOfFuturesBetweenThisJvmAndAProcessPoolFailsTheYoungestWait() throws Exception {
		expectOneBroken("transferLater", "c", "d");
	}

	private static void expectOneBroken(String method, String near, String far) throws Exception {
		ActorHandle<Account> a = system.createActor(Account.class, CreateOptions.uid(near).placement(Placement.pool(1)))
			.join();
		ActorHandle<Account> b = system.createActor(Account.class, CreateOptions.uid(far).placement(Placement.pool(2)))
			.join();
		ActorHandle<Meeting> meeting = system.createActor(Meeting.class, CreateOptions.defaults(), 2).join();
		long started = System.nanoTime();
		CompletableFuture<Integer> ab = a.method(method).send(b, 10, meeting);
		CompletableFuture<Integer> ba = b.method(method).send(a, 20, meeting);
		CompletableFuture.anyOf(ab, ba).handle((value, error) -> null).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		List<DeadlockException> failures = new ArrayList<>();
		List<Integer> results = new ArrayList<>();
		for (CompletableFuture<Integer> transfer : List.of(ab, ba)) {
			try {
				results.add(transfer.get(WITHIN.toSeconds(), TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(DeadlockException.class);
				failures.add((DeadlockException) ex.getCause());
			}
		}
		assertThat(took).isLessThan(Duration.ofSeconds(2));
		assertThat(failures).hasSize(1);
		assertThat(results).hasSize(1);
		assertThat(failures.get(0).getMessage()).startsWith("deadlock across processes: ")
			.contains("'" + near + "' (Account)." + method + " at " + a.address())
			.contains("'" + far + "' (Account)." + method + " at " + b.address())
			.contains("the youngest wait failed: the call of ");
		DeadlockReport report = next(listener.deadlocks,
				(found) -> found.message().equals(failures.get(0).getMessage()), WITHIN);
		assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.WAIT_FOR_GRAPH);
		assertThat(report.cycle()).extracting(DeadlockReport.Step::uid).contains(near, far);
		assertThat(system.deadlocks()).contains(report);
	}

}
