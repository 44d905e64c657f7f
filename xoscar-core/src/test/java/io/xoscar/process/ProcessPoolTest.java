package io.xoscar.process;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.PoolConfig.PoolMode;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.DeadlockException;
import io.xoscar.exception.NoIdleSlotException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.internal.process.ProcessProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Behaviours 18, 21, 22 and 23 with real child JVMs: process pools with their own environment and
 * JVM options, placement across thread and process pools, the main address finding their actors,
 * killing, adding and removing pools, and no orphans.
 */
class ProcessPoolTest {

	private static ActorSystem system;

	@BeforeAll
	static void start() {
		system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.pool(PoolConfig.thread("cpu").labels("cpu", "any"))
			.pool(PoolConfig.process("gpu")
				.count(2)
				.threads(2)
				.labels("gpu", "any")
				.cudaDevices("0", "1")
				.env(Map.of("XOSCAR_ROLE", "worker"))
				.jvmArgs("-Xmx96m", "-Dxoscar.pool.flavour=green"))
			.build());
	}

	@AfterAll
	static void stop() {
		system.close();
	}

	public static class Probe extends Actor {

		private long calls;

		public String env(String name) {
			return System.getenv(name);
		}

		public String property(String name) {
			return System.getProperty(name);
		}

		public long maxHeapMiB() {
			return Runtime.getRuntime().maxMemory() / (1024 * 1024);
		}

		public long pid() {
			return ProcessHandle.current().pid();
		}

		public long count() {
			return ++this.calls;
		}

		public String where() {
			return address();
		}

		/** Has {@code other} ask {@code back} where it is, and waits: a cycle when {@code back} is this actor. */
		public String relayVia(ActorHandle<Probe> other, ActorHandle<Probe> back) {
			return other.method("ask").call(back);
		}

		/** Calls another actor, wherever it lives, and says where it answered from. */
		public String ask(ActorHandle<Probe> other) {
			return other.method("where").call();
		}

	}

	private static PoolInfo pool(int index) {
		return system.pools().stream().filter((pool) -> pool.index() == index).findFirst().orElseThrow();
	}

	@Test
	void processPoolsAreChildJvmsWithTheirOwnEnvironmentAndOptions() {
		assertThat(pool(2).mode()).isEqualTo(PoolMode.PROCESS);
		assertThat(pool(2).pid()).isNotEqualTo(ProcessHandle.current().pid());
		ActorHandle<Probe> first = system.createActor(Probe.class, CreateOptions.at(Placement.pool(2))).join();
		ActorHandle<Probe> second = system.createActor(Probe.class, CreateOptions.at(Placement.pool(3))).join();
		assertThat(first.address()).isEqualTo(pool(2).address());
		assertThat(first.method("pid").<Long>call()).isEqualTo(pool(2).pid());
		assertThat(first.method("env").<String>call("CUDA_VISIBLE_DEVICES")).isEqualTo("0");
		assertThat(second.method("env").<String>call("CUDA_VISIBLE_DEVICES")).isEqualTo("1");
		assertThat(first.method("env").<String>call("XOSCAR_ROLE")).isEqualTo("worker");
		assertThat(first.method("property").<String>call("xoscar.pool.flavour")).isEqualTo("green");
		assertThat(first.method("maxHeapMiB").<Long>call()).isLessThanOrEqualTo(96L);
		assertThat(first.method("where").<String>call()).isEqualTo(first.address());
		assertThat(system.channelTo(first.address())).isEqualTo("unix");
		assertThat(system.actors().join()).filteredOn((actor) -> actor.uid().equals(first.uid()))
			.singleElement()
			.satisfies((actor) -> {
				assertThat(actor.address()).isEqualTo(first.address());
				assertThat(actor.pool()).isEqualTo(2);
				assertThat(actor.actorClass()).isEqualTo(Probe.class.getName());
				assertThat(actor.calls()).isEqualTo(6);
			});
	}

	@Test
	void placementSpansThreadAndProcessPoolsAndTheMainAddressFindsEveryActor() {
		Set<String> addresses = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			addresses.add(system.createActor(Probe.class, CreateOptions.at(Placement.label("any"))).join().address());
		}
		assertThat(addresses).containsAnyOf(pool(2).address(), pool(3).address()).contains(pool(1).address());
		ActorHandle<Probe> onGpu = system
			.createActor(Probe.class, CreateOptions.uid("found-through-main").placement(Placement.label("gpu")))
			.join();
		ActorHandle<Probe> found = system.actorRef(system.address(), "found-through-main", Probe.class).join();
		assertThat(found).isEqualTo(onGpu);
		assertThat(found.method("count").<Long>call()).isEqualTo(1L);
		assertThat(system.hasActor(found).join()).isTrue();
		system.destroyActor(found).join();
		assertThat(system.hasActor(found).join()).isFalse();
		assertThatThrownBy(() -> found.method("count").call()).isInstanceOf(ActorNotFoundException.class);
	}

	@Test
	void idleLabelSpreadsOverProcessPools() {
		ActorHandle<Probe> a = system.createActor(Probe.class, CreateOptions.at(Placement.idleLabel("gpu", "model"))).join();
		ActorHandle<Probe> b = system.createActor(Probe.class, CreateOptions.at(Placement.idleLabel("gpu", "model"))).join();
		assertThat(a.address()).isNotEqualTo(b.address());
		assertThatThrownBy(() -> system.createActor(Probe.class, CreateOptions.at(Placement.idleLabel("gpu", "model"))).join())
			.hasCauseInstanceOf(NoIdleSlotException.class);
		system.destroyActor(a).join();
		assertThat(system.createActor(Probe.class, CreateOptions.at(Placement.idleLabel("gpu", "model"))).join().address())
			.isEqualTo(a.address());
	}

	@Test
	void poolsAreAddedAndRemovedAtRunTimeKillingAnActorKillsItsProcess() {
		List<PoolInfo> added = system.addPools(PoolConfig.process("extra").labels("extra")).join();
		assertThat(added).singleElement().satisfies((pool) -> assertThat(pool.up()).isTrue());
		int index = added.get(0).index();
		ActorHandle<Probe> probe = system.createActor(Probe.class, CreateOptions.at(Placement.label("extra"))).join();
		long pid = probe.method("pid").<Long>call();
		CompletableFuture<Long> pending = probe.method("count").send();
		assertThat(pending.join()).isEqualTo(1L);
		system.killActor(probe).join();
		await().atMost(Duration.ofSeconds(10)).until(() -> ProcessProbe.isGone(pid));
		// recovery brings the process back with the actor, its state fresh
		assertThat(probe.method("count").<Long>call()).isEqualTo(1L);
		assertThat(probe.method("pid").<Long>call()).isNotEqualTo(pid);
		assertThat(pool(index).restarts()).isEqualTo(1);
		system.removePool(index).join();
		assertThat(system.pools()).extracting(PoolInfo::index).doesNotContain(index);
		// a thread pool too
		int threads = system.addPools(PoolConfig.thread("temp")).join().get(0).index();
		ActorHandle<Probe> local = system.createActor(Probe.class, CreateOptions.at(Placement.pool(threads))).join();
		system.removePool(threads).join();
		assertThatThrownBy(() -> local.method("count").call()).isInstanceOf(PoolDownException.class)
			.hasMessageContaining("/" + threads);
	}

	@Test
	void callsAcrossEveryPairOfPoolsWork() {
		List<ActorHandle<Probe>> probes = List.of(system.createActor(Probe.class).join(),
				system.createActor(Probe.class, CreateOptions.at(Placement.pool(1))).join(),
				system.createActor(Probe.class, CreateOptions.at(Placement.pool(2))).join(),
				system.createActor(Probe.class, CreateOptions.at(Placement.pool(3))).join());
		for (ActorHandle<Probe> caller : probes) {
			for (ActorHandle<Probe> callee : probes) {
				if (caller != callee) {
					assertThat(caller.method("ask").<String>call(callee)).as("%s -> %s", caller, callee)
						.isEqualTo(callee.address());
				}
			}
		}
	}

	@Test
	void aCallAddressedToTheMainPoolIsForwardedToTheProcessPoolHoldingTheActor() {
		ActorHandle<Probe> caller = system.createActor(Probe.class, CreateOptions.at(Placement.pool(2))).join();
		ActorHandle<Probe> callee = system
			.createActor(Probe.class, CreateOptions.uid("behind-main").placement(Placement.pool(3)))
			.join();
		// a handle naming the node's main address, as a peer that never resolved it sends one
		ActorHandle<Probe> throughMain = system.handle(system.address(), "behind-main", Probe.class);
		assertThat(caller.method("ask").<String>call(throughMain)).isEqualTo(callee.address());
		system.destroyActor(callee).join();
	}

	@Test
	void aCallCycleThroughAProcessPoolFailsAtOnceNamingIt() throws Exception {
		ActorHandle<Probe> a = system.createActor(Probe.class, CreateOptions.uid("cycle-a")).join();
		ActorHandle<Probe> b = system.createActor(Probe.class, CreateOptions.uid("cycle-b").placement(Placement.pool(2)))
			.join();
		// the child connects back to this node on first use: measure the detection, not the connect
		assertThat(b.method("ask").<String>call(a)).isEqualTo(a.address());
		long started = System.nanoTime();
		assertThatThrownBy(() -> a.method("relayVia").send(b, a).get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(DeadlockException.class)
			.hasMessageContaining("'cycle-a'")
			.hasMessageContaining("relayVia at " + a.address())
			.hasMessageContaining("-> 'cycle-b'.ask at " + b.address())
			.hasMessageContaining("-> 'cycle-a' (Probe).where at " + a.address());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		// both are free again, and a chain that does not close is fine
		assertThat(a.method("relayVia").<String>call(b, system.createActor(Probe.class).join())).isNotNull();
	}

	@Test
	void killIsRefusedForTheMainPool() {
		ActorHandle<Probe> main = system.createActor(Probe.class).join();
		assertThatThrownBy(() -> system.killActor(main).join()).hasCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aProcessPoolDiesWithItsParentEvenOnSigkill() {
		ChildJvm parent = ChildJvm.start(ChildJvmSpec.of("pool-parent", ProcessPoolParentMain.class.getName())
			.withJvmArgs("-Xmx128m"));
		long grandchild = Long.parseLong(parent.readyPayload());
		assertThat(ProcessProbe.isGone(grandchild)).isFalse();
		parent.kill();
		await().atMost(Duration.ofSeconds(15)).until(() -> ProcessProbe.isGone(grandchild));
	}

}
