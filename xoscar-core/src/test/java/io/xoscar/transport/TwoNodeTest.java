package io.xoscar.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.exception.ActorCallContext;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.RemoteActorException;
import io.xoscar.exception.XoscarException;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.transport.RemoteActors.Bag;
import io.xoscar.transport.RemoteActors.Counter;
import io.xoscar.transport.RemoteActors.CustomFailure;
import io.xoscar.transport.RemoteActors.Measure;
import io.xoscar.transport.RemoteActors.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes in two JVMs (this one and a child process) calling each other over TCP: creation by
 * address, calls of every kind, values, exceptions both ways, cancellation and lost connections.
 */
class TwoNodeTest {

	private static ChildJvm child;

	private static String remote;

	private static ActorSystem system;

	@BeforeAll
	static void start() {
		child = ChildJvm.start(ChildJvmSpec.of("remote-node", RemoteNodeMain.class.getName()).withJvmArgs("-Xmx256m"));
		remote = child.readyPayload();
		system = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(2).build());
	}

	@AfterAll
	static void stop() {
		system.close();
		child.close();
	}

	private static ActorHandle<Counter> remoteCounter(String uid) {
		return system.createActor(Counter.class, CreateOptions.uid(uid).placement(Placement.address(remote)), 10L).join();
	}

	/** Answers the relay of the remote counter: its "fail" here returns the length. */
	public static class Measurer extends Actor {

		public int fail(String message) {
			return message.length();
		}

	}

	@Test
	void aNodeBoundToAllInterfacesIsReachedThroughItsAdvertisedAddress() {
		try (ActorSystem advertised = ActorSystem.create(ActorSystemConfig.builder()
			.address("0.0.0.0:0")
			// this test is about the advertised address, not about protected mode
			.allowUnauthenticated(true)
			.advertisedAddress("localhost")
			.mainPoolThreads(1)
			.build())) {
			assertThat(advertised.address()).startsWith("localhost:").doesNotEndWith(":0");
			ActorHandle<Measurer> local = advertised.createActor(Measurer.class, CreateOptions.uid("measurer")).join();
			assertThat(local.address()).isEqualTo(advertised.address());
			ActorHandle<Counter> counter = remoteCounter("relay-to-advertised");
			assertThat(counter.method("relay").<Long>call(local, "seven")).isEqualTo(5L);
		}
	}

	@Test
	void createByAddressAndCallEveryWay() {
		ActorHandle<Counter> counter = remoteCounter("every-way");
		assertThat(counter.address()).isEqualTo(remote);
		ActorMethod add = counter.method("add");
		assertThat(add.<Long>call(1L)).isEqualTo(11L);
		assertThat(add.<Long>send(2L).join()).isEqualTo(13L);
		assertThat(add.<String>call("x")).isEqualTo("text:x");
		assertThat(counter.method("addLater").<Long>call(7L)).isEqualTo(20L);
		assertThat(add.<Long>mono(1L).block()).isEqualTo(21L);
		counter.method("append").tell("told").join();
		assertThat(counter.method("log").<List<String>>call()).containsExactly("told");
		ActorMethod put = counter.method("put");
		assertThat(put.<String>batch(put.delay("a", 1), put.delay("b", 2)).join()).containsExactly("a:1", "b:2");
		ActorMethod append = counter.method("append");
		append.tellBatch(append.delay("b1"), append.delay("b2")).join();
		assertThat(counter.method("log").<List<String>>call()).containsExactly("told", "b1", "b2");
	}

	public interface CounterApi {

		long add(long n);

		CompletableFuture<Long> addLater(long n);

		CompletionStage<Measure> scale(Measure measure, double factor);

		Mono<Long> get();

	}

	@Test
	void typedProxyAndValuesOfEveryShape() {
		ActorHandle<Counter> counter = remoteCounter("values");
		CounterApi api = counter.as(CounterApi.class);
		assertThat(api.add(5)).isEqualTo(15L);
		assertThat(api.addLater(5).join()).isEqualTo(20L);
		assertThat(api.get().block()).isEqualTo(20L);
		Measure measure = new Measure(2.5, Unit.KG, Optional.of("dry"), Instant.parse("2026-11-23T07:00:00Z"),
				Duration.ofMillis(1500));
		assertThat(api.scale(measure, 2).toCompletableFuture().join())
			.isEqualTo(new Measure(5.0, Unit.KG, Optional.of("dry"), measure.at(), measure.took()));
		Bag grown = counter.method("grow").<Bag>call(new Bag("b", List.of(1, 2)), 3);
		assertThat(grown.getName()).isEqualTo("b");
		assertThat(grown.getItems()).containsExactly(1, 2, 3);
		Map<String, List<Integer>> index = Map.of("k", List.of(1, 2));
		assertThat(counter.method("index").<Map<String, List<Integer>>>call(index)).isEqualTo(index);
		byte[] data = new byte[1 << 20];
		for (int i = 0; i < data.length; i++) {
			data[i] = (byte) i;
		}
		assertThat(counter.method("echo").<byte[]>call((Object) data)).isEqualTo(data);
		byte[] small = { 1, 2, 3 };
		assertThat(counter.method("echo").<byte[]>call((Object) small)).isEqualTo(small);
		byte[][] two = { data, new byte[100_000] };
		assertThat(system.createActor(Counter.class, CreateOptions.at(Placement.address(remote)), 1L).join()
			.method("echo").<byte[]>send((Object) two[1]).join()).hasSize(100_000);
	}

	@Test
	void exceptionsArriveAsThemselvesWithRemoteContext() {
		ActorHandle<Counter> counter = remoteCounter("errors");
		assertThatThrownBy(() -> counter.method("fail").call("bad input")).isExactlyInstanceOf(IllegalStateException.class)
			.hasMessage("bad input")
			.satisfies((error) -> assertThat(error.getSuppressed()).singleElement()
				.isInstanceOf(ActorCallContext.class)
				.extracting(Throwable::getMessage)
				.asString()
				.contains("'errors'", "fail", remote))
			.satisfies((error) -> assertThat(error.getStackTrace()).anySatisfy(
					(frame) -> assertThat(frame.getClassName()).isEqualTo(Counter.class.getName())));
		assertThatThrownBy(() -> counter.method("failCustom").send("custom").join()).cause()
			.isExactlyInstanceOf(CustomFailure.class)
			.hasMessage("custom");
		assertThatThrownBy(() -> counter.method("failSecret").call("hidden")).isExactlyInstanceOf(RemoteActorException.class)
			.hasMessage("org.example.outside.SecretException: hidden")
			.satisfies((error) -> assertThat(((RemoteActorException) error).remoteMessage()).isEqualTo("hidden"));
		assertThatThrownBy(() -> counter.method("unserializable").call()).isInstanceOf(XoscarException.class)
			.hasMessageContaining("cannot be encoded");
		assertThatThrownBy(() -> counter.method("nope").send().join()).hasCauseInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("nope");
		assertThatThrownBy(() -> counter.method("add").call(new Object())).isInstanceOf(NoSuchActorMethodException.class);
	}

	/** Lives on this node; throws when the remote actor calls it back. */
	public static class Thrower extends Actor {

		public int fail(String message) {
			throw new IllegalArgumentException(message);
		}

	}

	/** Lives on this node and calls the remote actor, which calls the thrower. */
	public static class Caller extends Actor {

		public long callRemote(ActorHandle<Counter> remote, ActorHandle<Thrower> thrower, String message) {
			return remote.method("relay").call(thrower, message);
		}

	}

	@Test
	void exceptionCrossesTwoHopsWithoutPrefixes() {
		ActorHandle<Counter> counter = remoteCounter("two-hops");
		ActorHandle<Thrower> thrower = system.createActor(Thrower.class, CreateOptions.uid("local-thrower")).join();
		ActorHandle<Caller> caller = system.createActor(Caller.class, CreateOptions.uid("local-caller")).join();
		// caller -> (wire) -> remote relay -> (wire) -> thrower: the error crosses the wire twice
		assertThatThrownBy(() -> caller.method("callRemote").call(counter, thrower, "deep"))
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("deep")
			.satisfies((error) -> assertThat(error.getSuppressed()).extracting(Throwable::getMessage)
				.anySatisfy((message) -> assertThat(message).contains("'two-hops'", "relay", remote))
				.anySatisfy((message) -> assertThat(message).contains("'local-thrower'", "fail")));
	}

	@Test
	void findDestroyAndKillAcrossNodes() {
		ActorHandle<Counter> onSub = system
			.createActor(Counter.class, CreateOptions.uid("on-remote-sub").placement(Placement.address(remote + "/1")), 0L)
			.join();
		ActorHandle<Counter> found = system.actorRef(remote, "on-remote-sub", Counter.class).join();
		assertThat(found).isEqualTo(onSub);
		assertThat(found.address()).isEqualTo(remote + "/1");
		assertThat(found.method("where").<String>call()).isEqualTo(remote + "/1");
		ActorHandle<Object> untyped = system.actorRef(remote, "on-remote-sub").join();
		assertThat(untyped.method("add").<Long>call(4L)).isEqualTo(4L);
		assertThat(system.hasActor(found).join()).isTrue();
		system.killActor(found).join();
		assertThat(system.hasActor(found).join()).isFalse();
		ActorHandle<Counter> main = remoteCounter("to-destroy");
		system.destroyActor(main).join();
		assertThatThrownBy(() -> main.method("get").call()).isInstanceOf(ActorNotFoundException.class)
			.hasMessageContaining("to-destroy");
		assertThatThrownBy(() -> system.actorRef(remote, "ghost").join()).hasCauseInstanceOf(ActorNotFoundException.class);
	}

	@Test
	void cancellationCrossesTheWire() {
		ActorHandle<Counter> counter = remoteCounter("cancel");
		CompletableFuture<String> running = counter.method("block").send(20_000L);
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			running.cancel(true);
			return counter.method("interrupted").<String>call().equals("yes");
		});
	}

	@Test
	void aSendOverTheWireIsBoundedByTheCallersTimeoutAndCancelledRemotely() {
		ActorHandle<Counter> counter = remoteCounter("bounded");
		try (ActorSystem hurried = ActorSystem.create(
				ActorSystemConfig.builder().mainPoolThreads(1).callTimeout(Duration.ofMillis(300)).build())) {
			ActorHandle<Object> viaHurried = hurried.actorRef(remote, "bounded").join();
			assertThat(viaHurried.method("block").send(20_000L)).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseExactlyInstanceOf(CallTimeoutException.class)
				.withMessageContaining("call block of actor 'bounded' at " + remote
						+ " did not complete within PT0.3S: no answer from the pool at " + remote);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> counter.method("interrupted").<String>call().equals("yes"));
	}

	@Test
	void channelIsDirectInTheNodeUnixSocketOnOneHostAndTcpOnRequest() {
		ActorHandle<Counter> counter = remoteCounter("channels");
		assertThat(counter.method("get").<Long>call()).isEqualTo(10L);
		assertThat(system.channelTo(remote)).isEqualTo("unix");
		ActorHandle<Thrower> local = system.createActor(Thrower.class).join();
		assertThat(system.channelTo(local.address())).isEqualTo("local");
		try (ActorSystem tcpOnly = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).unixSockets(false).build())) {
			ActorHandle<Object> viaTcp = tcpOnly.actorRef(remote, "channels").join();
			assertThat(viaTcp.method("add").<Long>call(1L)).isEqualTo(11L);
			assertThat(tcpOnly.channelTo(remote)).isEqualTo("tcp");
			// two systems of this JVM are two nodes: they share nothing, and talk over their transport
			assertThat(tcpOnly.actorRef(local.address(), local.uid()).join().method("fail").send("over tcp"))
				.failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseExactlyInstanceOf(IllegalArgumentException.class);
			assertThat(tcpOnly.channelTo(local.address())).isEqualTo("tcp");
		}
	}

	@Test
	void connectFailureFailsFastNamingTheAddress() {
		ActorSystem lonely = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());
		String gone = lonely.address();
		lonely.close();
		long start = System.nanoTime();
		assertThatThrownBy(() -> system.actorRef(gone, "x").join()).hasCauseInstanceOf(PoolDownException.class)
			.hasMessageContaining(gone);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void bindingAnAddressInUseFailsClearly() {
		assertThatThrownBy(() -> ActorSystem.create(ActorSystemConfig.builder().address(remote).build()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(remote);
	}

	@Test
	void lostConnectionFailsEveryPendingCallAtOnceAndTheNextCallReconnects() throws java.io.IOException {
		String address;
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			address = "127.0.0.1:" + probe.getLocalPort();
		}
		ChildJvm doomed = ChildJvm.start(ChildJvmSpec.of("doomed-node", RemoteNodeMain.class.getName())
			.withArgs(address)
			.withJvmArgs("-Xmx256m"));
		try {
			ActorHandle<Counter> counter = system
				.createActor(Counter.class, CreateOptions.uid("doomed").placement(Placement.address(address)), 0L)
				.join();
			assertThat(counter.method("add").<Long>call(1L)).isEqualTo(1L);
			CompletableFuture<String> blocked = counter.method("block").send(60_000L);
			List<CompletableFuture<Long>> pending = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				pending.add(counter.method("add").send(1L));
			}
			doomed.kill();
			CompletableFuture<Void> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
			await().atMost(Duration.ofSeconds(10)).until(all::isDone);
			assertThat(blocked).failsWithin(1, TimeUnit.SECONDS)
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseInstanceOf(PoolDownException.class);
			assertThat(pending).allSatisfy((call) -> assertThat(call).isCompletedExceptionally());
			assertThatThrownBy(() -> pending.get(0).join()).hasCauseInstanceOf(PoolDownException.class)
				.hasMessageContaining(address);
		}
		finally {
			doomed.close();
		}
		// a new node at the same address: the next call opens a new connection
		ChildJvm reborn = ChildJvm.start(ChildJvmSpec.of("reborn-node", RemoteNodeMain.class.getName())
			.withArgs(address)
			.withJvmArgs("-Xmx256m"));
		try {
			ActorHandle<Counter> again = system
				.createActor(Counter.class, CreateOptions.uid("doomed").placement(Placement.address(address)), 5L)
				.join();
			assertThat(again.method("add").<Long>call(1L)).isEqualTo(6L);
		}
		finally {
			reborn.close();
		}
	}

}
