package io.xoscar.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.ActorSystem.PoolInfo;
import io.xoscar.ActorSystem.PoolState;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.recovery.RecoveryEvent.PoolDown;
import io.xoscar.recovery.RecoveryEvent.PoolRestarted;
import io.xoscar.test.ActorSystemExtension;

import static io.xoscar.recovery.ProcessPoolCrashes.RESTART;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitInFlight;
import static io.xoscar.recovery.ProcessPoolCrashes.awaitRestarted;
import static io.xoscar.recovery.ProcessPoolCrashes.failureOf;
import static io.xoscar.recovery.ProcessPoolCrashes.failureWithin;
import static io.xoscar.recovery.ProcessPoolCrashes.isAlive;
import static io.xoscar.recovery.ProcessPoolCrashes.kill;
import static io.xoscar.recovery.ProcessPoolCrashes.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A process pool whose child JVM is killed with SIGKILL comes back at the same address with its
 * actors (same uid, class and constructor arguments, fresh state), and what users hold keeps
 * working: handles and typed proxies taken before the crash, calls made while it restarts. Calls
 * in flight at the crash fail with {@link PoolDownException} saying it restarts.
 */
class ProcessPoolRestartTest {

	private static final ProcessPoolRecoveryEvents events = new ProcessPoolRecoveryEvents();

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("gpu").threads(2).jvmArgs("-Xmx64m"))
		.configure((config) -> config.callTimeout(Duration.ofSeconds(30))
			// every test of the class kills the same pool: a budget for all of them, small backoffs
			.processRestartLimits(new RestartLimits(20, Duration.ofMinutes(1), Duration.ofMillis(50),
					Duration.ofMillis(200), 0.2))
			.restartWait(Duration.ofSeconds(30))
			.recoveryListener(events))
		.build();

	private static final ActorSystem system = xoscar.system();

	private static final int GPU = 1;

	@BeforeEach
	void poolIsUp() {
		await().atMost(RESTART).until(() -> pool(system, GPU).state() == PoolState.UP);
		events.clear();
	}

	/** A counter starting from a value given at creation, which records where its postCreate ran. */
	public static class Counter extends Actor {

		private final String name;

		private long value;

		private long createdIn;

		public Counter(String name, long initial) {
			this.name = name;
			this.value = initial;
		}

		@Override
		protected void postCreate() {
			this.createdIn = ProcessHandle.current().pid();
		}

		public long increment() {
			return ++this.value;
		}

		public long value() {
			return this.value;
		}

		public String name() {
			return this.name;
		}

		/** @return the pid of the process whose postCreate ran for this instance, 0 if it did not */
		public long createdIn() {
			return this.createdIn;
		}

	}

	/** What callers see of a {@link Counter}. */
	public interface CounterApi {

		long increment();

		long value();

		long createdIn();

	}

	/** Answers only when called in another process than the one given. */
	public static class Holder extends Actor {

		public CompletableFuture<String> holdIn(long pid) {
			long current = ProcessHandle.current().pid();
			return (current == pid) ? new CompletableFuture<>() : CompletableFuture.completedFuture("answered by " + current);
		}

	}

	/** Keeps the uids of the members that registered, in order. */
	public static class Registry extends Actor {

		private final List<String> members = new ArrayList<>();

		public void register(String uid) {
			this.members.add(uid);
		}

		public List<String> members() {
			return this.members;
		}

	}

	/** Registers with its registry from postCreate: it needs the registry to exist first. */
	public static class Member extends Actor {

		private final String registry;

		public Member(String registry) {
			this.registry = registry;
		}

		@Override
		protected void postCreate() {
			system().handle(address(), this.registry, Registry.class).method("register").call(uid());
		}

		public String hello() {
			return "hello from " + uid();
		}

	}

	/** Comes up only in the process it was first created in: its re-creation after a crash fails. */
	public static class FirstProcessOnly extends Actor {

		private final long firstPid;

		public FirstProcessOnly(long firstPid) {
			this.firstPid = firstPid;
		}

		@Override
		protected void postCreate() {
			if (ProcessHandle.current().pid() != this.firstPid) {
				throw new IllegalStateException("the device of pid " + this.firstPid + " is gone");
			}
		}

		public String hello() {
			return "hello";
		}

	}

	private static <T extends Actor> ActorHandle<T> create(Class<T> type, String uid, Object... args) {
		return system.createActor(type, CreateOptions.uid(uid).placement(Placement.pool(GPU)), args).join();
	}

	@Test
	void callsInFlightAtTheCrashFailWithPoolDownExceptionSayingItRestarts() {
		ActorHandle<Holder> holder = create(Holder.class, "holder");
		long pid = pool(system, GPU).pid();
		CompletableFuture<String> inFlight = holder.method("holdIn").send(pid);
		awaitInFlight(system, "holder", "holdIn");

		kill(pid);
		// noticed at once: long before the call timeout (30 s)
		Throwable failure = failureWithin(inFlight, Duration.ofSeconds(5));
		assertThat(failure).isInstanceOf(PoolDownException.class).hasMessageContaining("gpu");
		assertThat(((PoolDownException) failure).restarting()).as("restarting()").isTrue();

		PoolInfo back = awaitRestarted(system, GPU, pid);
		assertThat(holder.method("holdIn").<String>send(pid).join()).isEqualTo("answered by " + back.pid());
	}

	@Test
	void aHandleAndAProxyFromBeforeWorkAfterAtTheSameAddressWithFreshStateFromTheSameArguments() {
		ActorHandle<Counter> counter = create(Counter.class, "counter", "apples", 10L);
		CounterApi proxy = counter.as(CounterApi.class);
		assertThat(proxy.increment()).isEqualTo(11);
		assertThat(counter.method("increment").<Long>call()).isEqualTo(12);
		PoolInfo before = pool(system, GPU);
		assertThat(proxy.createdIn()).isEqualTo(before.pid());

		kill(before.pid());
		PoolInfo after = awaitRestarted(system, GPU, before.pid());

		assertThat(after.address()).isEqualTo(before.address());
		assertThat(counter.address()).isEqualTo(before.address());
		assertThat(after.pid()).isNotEqualTo(before.pid());
		assertThat(isAlive(after.pid())).isTrue();
		assertThat(after.restarts()).isEqualTo(before.restarts() + 1);
		// fresh state from the same constructor arguments
		assertThat(proxy.value()).isEqualTo(10);
		assertThat(counter.method("name").<String>call()).isEqualTo("apples");
		// postCreate ran again, in the new process
		assertThat(proxy.createdIn()).isEqualTo(after.pid());
		assertThat(proxy.increment()).isEqualTo(11);
		assertThat(counter.method("increment").<Long>call()).isEqualTo(12);
		// found again by the main address too
		ActorHandle<Counter> found = system.actorRef(system.address(), "counter", Counter.class).join();
		assertThat(found.address()).isEqualTo(before.address());
		assertThat(found.method("value").<Long>call()).isEqualTo(12);

		PoolDown down = events.awaitEvent(PoolDown.class, (event) -> event.pid() == before.pid());
		assertThat(down.pool()).isEqualTo(GPU);
		assertThat(down.poolName()).isEqualTo("gpu");
		assertThat(down.address()).isEqualTo(before.address());
		assertThat(down.restarting()).isTrue();
		assertThat(down.reason()).contains("killed by signal 9");
		PoolRestarted restarted = events.awaitEvent(PoolRestarted.class, (event) -> event.pid() == after.pid());
		assertThat(restarted.address()).isEqualTo(before.address());
		assertThat(restarted.took()).isPositive().isLessThan(RESTART);
		assertThat(restarted.actors()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void actorsComeBackInCreationOrderButNotThoseDestroyedBeforeTheCrash() {
		ActorHandle<Registry> registry = create(Registry.class, "registry");
		ActorHandle<Member> gone = create(Member.class, "member-gone", "registry");
		ActorHandle<Member> kept = create(Member.class, "member-kept", "registry");
		assertThat(registry.method("members").<List<String>>call()).containsExactly("member-gone", "member-kept");
		system.destroyActor(gone).join();

		long pid = kill(system, GPU);
		awaitRestarted(system, GPU, pid);

		// the registry came back first (the member's postCreate needs it), with fresh state
		assertThat(registry.method("members").<List<String>>call()).containsExactly("member-kept");
		assertThat(kept.method("hello").<String>call()).isEqualTo("hello from member-kept");
		assertThatThrownBy(() -> gone.method("hello").call()).isInstanceOf(ActorNotFoundException.class)
			.hasMessageContaining("member-gone");
		assertThat(system.hasActor(gone).join()).isFalse();
		assertThat(system.hasActor(kept).join()).isTrue();
	}

	@Test
	void anActorThatCannotBeMadeAgainIsGoneSayingWhyAndTheOthersComeBack() {
		ActorHandle<FirstProcessOnly> fragile = create(FirstProcessOnly.class, "fragile", pool(system, GPU).pid());
		ActorHandle<Counter> sturdy = create(Counter.class, "sturdy", "figs", 3L);
		assertThat(fragile.method("hello").<String>call()).isEqualTo("hello");

		long pid = kill(system, GPU);
		PoolInfo back = awaitRestarted(system, GPU, pid);

		assertThat(sturdy.method("createdIn").<Long>call()).isEqualTo(back.pid());
		assertThatThrownBy(() -> fragile.method("hello").call()).isInstanceOf(ActorNotFoundException.class)
			.hasMessageContaining("'fragile'")
			.hasMessageContaining("was not made again after process pool 1 (gpu)")
			.hasMessageContaining("the device of pid " + pid + " is gone");
		assertThat(system.hasActor(fragile).join()).isFalse();
	}

	@Test
	void callsMadeWhileThePoolRestartsWaitForIt() throws Exception {
		ActorHandle<Counter> counter = create(Counter.class, "waiter", "pears", 5L);
		long pid = kill(system, GPU);
		await().atMost(RESTART)
			.pollInterval(Duration.ofMillis(5))
			.until(() -> pool(system, GPU).state() == PoolState.RESTARTING);
		CompletableFuture<Long> during = counter.method("createdIn").send();

		PoolInfo back = awaitRestarted(system, GPU, pid);
		assertThat(during.get(RESTART.toSeconds(), TimeUnit.SECONDS)).isEqualTo(back.pid());
	}

	@Test
	void threeKillsInARowAndEachTimeItComesBackWithTheActorsCreatedMeanwhile() {
		ActorHandle<Counter> counter = create(Counter.class, "survivor", "plums", 0L);
		List<ActorHandle<Counter>> createdAfterRestarts = new ArrayList<>();
		int restartsBefore = pool(system, GPU).restarts();
		long pid = pool(system, GPU).pid();
		for (int kill = 1; kill <= 3; kill++) {
			counter.method("increment").call();
			kill(pid);
			PoolInfo back = awaitRestarted(system, GPU, pid);
			assertThat(counter.method("createdIn").<Long>call()).as("after kill %d", kill).isEqualTo(back.pid());
			assertThat(counter.method("value").<Long>call()).as("after kill %d", kill).isZero();
			for (ActorHandle<Counter> late : createdAfterRestarts) {
				assertThat(late.method("createdIn").<Long>call()).as("%s after kill %d", late.uid(), kill)
					.isEqualTo(back.pid());
			}
			// created in the restarted pool: the next kill must bring it back too
			createdAfterRestarts.add(create(Counter.class, "late-" + kill, "late", (long) kill));
			pid = back.pid();
		}
		PoolInfo pool = pool(system, GPU);
		assertThat(pool.restarts()).isEqualTo(restartsBefore + 3);
		assertThat(pool.state()).isEqualTo(PoolState.UP);
		assertThat(events.of(PoolRestarted.class)).hasSize(3);
	}

	@Test
	void killActorOfAProcessPoolKillsItsChildAndRecoveryBringsItBack() throws Exception {
		ActorHandle<Counter> victim = create(Counter.class, "victim", "cherries", 7L);
		victim.method("increment").call();
		long pid = pool(system, GPU).pid();

		system.killActor(victim).get(RESTART.toSeconds(), TimeUnit.SECONDS);
		PoolInfo back = awaitRestarted(system, GPU, pid);

		assertThat(isAlive(pid)).as("the old child is dead").isFalse();
		assertThat(victim.method("value").<Long>call()).isEqualTo(7);
		assertThat(victim.method("createdIn").<Long>call()).isEqualTo(back.pid());
	}

	@Test
	void killActorOfAMainPoolActorIsRefused() {
		ActorHandle<Counter> local = system
			.createActor(Counter.class, CreateOptions.uid("local").placement(Placement.mainPool()), "figs", 1L)
			.join();
		Throwable refused = failureOf(() -> system.killActor(local), Duration.ofSeconds(5));
		assertThat(refused).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'local'")
			.hasMessageContaining("main pool");
		assertThat(local.method("increment").<Long>call()).isEqualTo(2);
	}

}
