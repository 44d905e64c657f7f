package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.xoscar.ActorSystem.ActorInfo;
import io.xoscar.ActorSystem.CallInfo;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.config.PoolConfig.PoolMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the endpoint describes a pool from a listing of the node's actors: the actors of thread and
 * process pools, and the pools whose actors cannot be listed (down, not answering, listing failed).
 */
class PoolDescriptorTests {

	@Test
	void describesPoolsWhoseActorsCannotBeListed() {
		PoolInfo threads = new PoolInfo(1, "cpu", "127.0.0.1:1", Set.of("cpu"), 2, 1, 3, PoolMode.THREAD, true, 10, PoolState.UP, 0, null);
		PoolInfo answered = new PoolInfo(2, "gpu", "unix:/tmp/a", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, true, 11, PoolState.UP, 0, null);
		PoolInfo silent = new PoolInfo(3, "gpu", "unix:/tmp/b", Set.of("gpu"), 1, 2, 0, PoolMode.PROCESS, true, 12, PoolState.UP, 0, null);
		PoolInfo empty = new PoolInfo(4, "gpu", "unix:/tmp/c", Set.of("gpu"), 1, 0, 0, PoolMode.PROCESS, true, 13, PoolState.UP, 0, null);
		PoolInfo down = new PoolInfo(5, "gpu", "unix:/tmp/d", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, false, 14, PoolState.DOWN, 0, "gone");
		ActorListing listing = ActorListing.of(List.of(
				new ActorInfo("t", "T", true, 1, "127.0.0.1:1", 3, 5, List.of(), 0, null, Map.of()),
				new ActorInfo("m", "M", true, 2, "unix:/tmp/a", 4, 6,
						List.of(new CallInfo("score", Duration.ofMillis(1500), null)), 2,
						"IllegalStateException: boom", Map.of())));

		PoolDescriptor cpu = PoolDescriptor.of(threads, listing);
		assertThat(cpu.actorsListed()).isTrue();
		assertThat(cpu.backlog()).isEqualTo(3);
		assertThat(cpu.actors()).extracting(ActorDescriptor::uid).containsExactly("t");

		PoolDescriptor gpu = PoolDescriptor.of(answered, listing);
		assertThat(gpu.id()).isEqualTo("gpu-2");
		assertThat(gpu.mode()).isEqualTo("process");
		assertThat(gpu.actorsListed()).isTrue();
		assertThat(gpu.backlog()).as("a child's backlog, as its actors report it").isEqualTo(4);
		assertThat(gpu.actors().get(0).inFlight())
			.containsExactly(new CallDescriptor("score", 1500, "awaiting", null, null));
		assertThat(gpu.actors().get(0).restarts()).isEqualTo(2);
		assertThat(gpu.actors().get(0).lastRestartReason()).isEqualTo("IllegalStateException: boom");
		assertThat(cpu.actors().get(0).lastRestartReason()).isNull();

		PoolDescriptor unanswered = PoolDescriptor.of(silent, listing);
		assertThat(unanswered.actorsListed()).isFalse();
		assertThat(unanswered.unlistedReason()).isEqualTo("process pool did not answer");
		assertThat(unanswered.actors()).isNull();
		assertThat(unanswered.actorCount()).isEqualTo(2);

		assertThat(PoolDescriptor.of(empty, listing).actorsListed()).isTrue();
		assertThat(PoolDescriptor.of(empty, listing).actors()).isEmpty();

		PoolDescriptor stopped = PoolDescriptor.of(down, listing);
		assertThat(stopped.status()).isEqualTo("DOWN");
		assertThat(stopped.actorsListed()).isFalse();
		assertThat(stopped.unlistedReason()).isEqualTo("pool is down");

		PoolDescriptor timedOut = PoolDescriptor.of(threads, ActorListing.failed("listing timed out"));
		assertThat(timedOut.actorsListed()).isFalse();
		assertThat(timedOut.unlistedReason()).isEqualTo("listing timed out");
	}

	@Test
	void describesRecoveryPerPool() {
		String killed = "its process (pid 14) was killed by signal 9 (SIGKILL), exit code 137";
		PoolInfo never = new PoolInfo(1, "gpu", "unix:/tmp/a", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, true, 11, PoolState.UP, 0, null);
		PoolInfo restarting = new PoolInfo(2, "gpu", "unix:/tmp/b", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, false, 14, PoolState.RESTARTING, 2, killed);
		PoolInfo restarted = new PoolInfo(3, "gpu", "unix:/tmp/c", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, true, 15, PoolState.UP, 3, killed);
		PoolInfo gaveUp = new PoolInfo(4, "gpu", "unix:/tmp/d", Set.of("gpu"), 1, 1, 0, PoolMode.PROCESS, false, 16, PoolState.DOWN, 5, "gave up: " + killed);
		ActorListing listing = ActorListing.of(List.of(new ActorInfo("m", "M", true, 3, "unix:/tmp/c", 0, 1, List.of(), 0, null, Map.of()),
				new ActorInfo("n", "N", true, 1, "unix:/tmp/a", 0, 1, List.of(), 0, null, Map.of())));

		PoolDescriptor up = PoolDescriptor.of(never, listing);
		assertThat(up.state()).isEqualTo("UP");
		assertThat(up.restarts()).isZero();
		assertThat(up.lastFailure()).isNull();

		PoolDescriptor back = PoolDescriptor.of(restarting, listing);
		assertThat(back.state()).isEqualTo("RESTARTING");
		assertThat(back.status()).isEqualTo("DOWN");
		assertThat(back.restarts()).isEqualTo(2);
		assertThat(back.lastFailure()).isEqualTo(killed);
		assertThat(back.actorsListed()).isFalse();
		assertThat(back.unlistedReason()).isEqualTo("pool is restarting");

		PoolDescriptor again = PoolDescriptor.of(restarted, listing);
		assertThat(again.state()).isEqualTo("UP");
		assertThat(again.status()).isEqualTo("UP");
		assertThat(again.restarts()).isEqualTo(3);
		assertThat(again.lastFailure()).isEqualTo(killed);
		assertThat(again.actors()).extracting(ActorDescriptor::uid).containsExactly("m");

		PoolDescriptor gone = PoolDescriptor.of(gaveUp, null);
		assertThat(gone.state()).isEqualTo("DOWN");
		assertThat(gone.restarts()).isEqualTo(5);
		assertThat(gone.lastFailure()).isEqualTo("gave up: " + killed);
	}

}
