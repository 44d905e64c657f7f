package io.xoscar.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.RecordingListener;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.process.CrossProcessDeadlockTest.Account;
import io.xoscar.process.CrossProcessDeadlockTest.Meeting;
import io.xoscar.transport.RemoteNodeMain;

import static io.xoscar.debug.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadlock between two nodes (two independent actor systems): each node sees only its side, a
 * call from the other node waiting behind its actor while that actor waits for a call to that same
 * node. That is reported (after a second), and the calls are left to their timeouts.
 */
class CrossNodeDeadlockTest {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	@Test
	void eachNodeReportsWhatItSeesOfACycleThroughAnother() throws Exception {
		RecordingListener listener = new RecordingListener();
		try (ChildJvm other = ChildJvm.start(ChildJvmSpec.of("deadlock-node", RemoteNodeMain.class.getName())
			.withJvmArgs("-Xmx128m"));
				ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
					.mainPoolThreads(4)
					.pool(PoolConfig.thread("near").threads(1))
					.callTimeout(Duration.ofSeconds(5))
					.debugListener(listener)
					.build())) {
			String remote = other.readyPayload();
			ActorHandle<Account> a = system.createActor(Account.class, CreateOptions.uid("a").placement(Placement.pool(1)))
				.join();
			ActorHandle<Account> b = system
				.createActor(Account.class, CreateOptions.uid("b").placement(Placement.address(remote)))
				.join();
			ActorHandle<Meeting> meeting = system.createActor(Meeting.class, CreateOptions.defaults(), 2).join();
			CompletableFuture<Integer> ab = a.method("transfer").send(b, 10, meeting);
			CompletableFuture<Integer> ba = b.method("transfer").send(a, 20, meeting);

			DeadlockReport report = next(listener.deadlocks, (found) -> true, WITHIN);
			assertThat(report.detection()).isEqualTo(DeadlockReport.Detection.WAIT_FOR_GRAPH);
			assertThat(report.message()).startsWith("deadlock across nodes, as node " + system.address() + " sees it: ")
				.contains("'b'.transfer at " + remote)
				.contains("'a' (Account).transfer at " + a.address())
				.contains("left to their timeouts");
			assertThat(ab).isNotDone();
			// reported, not broken: a timeout ends it (the call it cancels frees the other)
			CompletableFuture.allOf(ab, ba).handle((value, error) -> null).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
			List<Throwable> failures = new ArrayList<>();
			for (CompletableFuture<Integer> transfer : List.of(ab, ba)) {
				transfer.handle((value, error) -> (error != null) ? failures.add(error) : false).join();
			}
			assertThat(failures).isNotEmpty()
				.allSatisfy((error) -> assertThat(error).isInstanceOf(CallTimeoutException.class));
			assertThat(system.deadlocks()).hasSize(1);
		}
	}

}
