package io.xoscar.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.PoolStartException;
import io.xoscar.internal.process.ProcessProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Pools that are gone or never start, as users meet them: calls to a killed or removed pool fail
 * with {@link PoolDownException} naming the pool, since when and why (never a socket error), adding
 * and removing pools does not block the caller, and a pool that cannot start fails with
 * {@link PoolStartException} carrying the child's exit code and standard error.
 */
class PoolFailureTest {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	private ActorSystem system;

	@BeforeEach
	void start() {
		this.system = ActorSystem.create(ActorSystemConfig.builder()
			.pool(PoolConfig.process("gpu").jvmArgs("-Xmx64m"))
			.restartProcesses(false)
			.build());
	}

	@AfterEach
	void stop() {
		this.system.close();
	}

	public static class Worker extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@Test
	void callsToAKilledProcessPoolSayWhichPoolDiedHowAndWhen() {
		ActorHandle<Worker> worker = this.system
			.createActor(Worker.class, CreateOptions.uid("worker").placement(Placement.pool(1)))
			.join();
		long pid = worker.method("pid").<Long>call();
		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		await().atMost(WITHIN).until(() -> ProcessProbe.isGone(pid) && !pool(1).up());

		String down = "process pool 1 (gpu) at " + worker.address() + " is down: its process (pid " + pid
				+ ") was killed by signal 9 (SIGKILL)";
		// the handle used before (its target cached), a new one by the pool's address, and by the main address
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThatThrownBy(() -> worker.method("pid").call())
				.isInstanceOf(PoolDownException.class)
				.hasMessageStartingWith(down)
				.hasMessageContaining("; actor 'worker' was in it"));
		assertThatThrownBy(() -> worker.method("pid").send().join()).cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageStartingWith(down);
		ActorHandle<Worker> fresh = this.system.handle(worker.address(), "worker", Worker.class);
		assertThatThrownBy(() -> fresh.method("pid").call()).isInstanceOf(PoolDownException.class)
			.hasMessageStartingWith(down);
		ActorHandle<Worker> viaMain = this.system.handle(this.system.address(), "worker", Worker.class);
		assertThatThrownBy(() -> viaMain.method("pid").call()).isInstanceOf(PoolDownException.class)
			.hasMessageStartingWith(down);
		assertThatThrownBy(() -> this.system.actorRef(this.system.address(), "worker").join()).cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageStartingWith(down);
	}

	@Test
	void callsToARemovedPoolSaySo() {
		ActorHandle<Worker> worker = this.system
			.createActor(Worker.class, CreateOptions.uid("worker").placement(Placement.pool(1)))
			.join();
		worker.method("pid").<Long>call();
		CompletableFuture<Void> removed = this.system.removePool(1);
		assertThatThrownBy(() -> worker.method("pid").call()).isInstanceOf(PoolDownException.class)
			.hasMessageStartingWith("process pool 1 (gpu) at " + worker.address() + " was removed at ");
		removed.join();
		assertThat(this.system.pools()).extracting(PoolInfo::index).containsExactly(0);

		int threads = this.system.addPools(PoolConfig.thread("temp")).join().get(0).index();
		ActorHandle<Worker> local = this.system
			.createActor(Worker.class, CreateOptions.uid("local").placement(Placement.pool(threads)))
			.join();
		this.system.removePool(threads).join();
		assertThatThrownBy(() -> local.method("pid").call()).isInstanceOf(PoolDownException.class)
			.hasMessageStartingWith("pool " + threads + " (temp) at " + local.address() + " was removed at ");
	}

	@Test
	void addingAndRemovingPoolsDoesNotBlockTheCaller() {
		CompletableFuture<List<PoolInfo>> adding = this.system.addPools(PoolConfig.process("extra").count(2));
		// the child JVMs take a second or more to start; the caller has its future at once
		assertThat(adding).isNotDone();
		List<PoolInfo> added = adding.join();
		assertThat(added).extracting(PoolInfo::name).containsExactly("extra", "extra");
		assertThat(added).allSatisfy((pool) -> assertThat(pool.up()).isTrue());
		CompletableFuture<Void> removing = this.system.removePool(added.get(0).index());
		assertThat(this.system.pools()).extracting(PoolInfo::index).doesNotContain(added.get(0).index());
		removing.join();
		assertThatThrownBy(() -> this.system.removePool(99).join()).cause()
			.isInstanceOf(PoolDownException.class)
			.hasMessageContaining("no pool 99");
		assertThatThrownBy(() -> this.system.removePool(0).join()).cause()
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPoolThatCannotStartFailsWithItsExitCodeAndStandardError() {
		Throwable thrown = catchThrowable(
				() -> this.system.addPools(PoolConfig.process("broken").jvmArgs("-XX:+XoscarNoSuchOption")).join());
		assertThat(thrown).cause().isInstanceOf(PoolStartException.class);
		PoolStartException failure = (PoolStartException) thrown.getCause();
		assertThat(failure.pool()).isEqualTo("broken");
		assertThat(failure.index()).isEqualTo(2);
		assertThat(failure.exitCode()).hasValue(1);
		assertThat(failure.stderrTail()).anyMatch((line) -> line.contains("XoscarNoSuchOption"));
		assertThat(failure.getMessage()).startsWith("process pool 2 (broken) of node " + this.system.address()
				+ " did not start: ")
			.contains("exited with code 1")
			.contains("XoscarNoSuchOption");
		assertThat(this.system.pools()).extracting(PoolInfo::name).containsExactly("main", "gpu");

		assertThatThrownBy(() -> ActorSystem.create(ActorSystemConfig.builder()
			.pool(PoolConfig.process("broken").jvmArgs("-XX:+XoscarNoSuchOption"))
			.build())).isInstanceOf(PoolStartException.class).hasMessageContaining("exited with code 1");
	}

	private PoolInfo pool(int index) {
		return this.system.pools().stream().filter((pool) -> pool.index() == index).findFirst().orElseThrow();
	}

}
