package io.xoscar;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import io.xoscar.config.PoolConfig;
import io.xoscar.exception.ActorCallContext;
import io.xoscar.exception.ActorCheckedException;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.AmbiguousActorMethodException;
import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviours 1, 2, 4, 6 (in one JVM) and 7: calls, state, locking, overloads and errors.
 */
class ActorCallsTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.thread("cpu").count(2).threads(2).labels("cpu"))
		.build();

	private final ActorSystem system = this.xoscar.system();

	public static class Counter extends Actor {

		private int value;

		public int add(int n) {
			return this.value += n;
		}

		public CompletableFuture<Integer> addAsync(int n) {
			return CompletableFuture.supplyAsync(() -> this.value += n, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
		}

		public Mono<Integer> addMono(int n) {
			return Mono.fromCallable(() -> this.value += n).delaySubscription(java.time.Duration.ofMillis(5));
		}

		public int get() {
			return this.value;
		}

	}

	@Test
	void syncAndAsyncMethodsShareState() {
		ActorHandle<Counter> counter = this.system.createActor(Counter.class).join();
		assertThat(counter.method("add").<Integer>send(1).join()).isEqualTo(1);
		assertThat(counter.method("addAsync").<Integer>send(2).join()).isEqualTo(3);
		assertThat(counter.method("addMono").<Integer>send(3).join()).isEqualTo(6);
		assertThat(counter.method("add").<Integer>call(4)).isEqualTo(10);
		assertThat(counter.method("addAsync").<Integer>call(5)).isEqualTo(15);
		assertThat(counter.method("get").<Integer>mono().block()).isEqualTo(15);
	}

	/** Records whether two calls ever overlapped. */
	public static class Gate extends Actor {

		private final CountDownLatch release = new CountDownLatch(1);

		private int running;

		private int maxRunning;

		private final List<String> log = new java.util.ArrayList<>();

		public CompletableFuture<String> hold(String name) {
			enter(name);
			return CompletableFuture.supplyAsync(() -> {
				try {
					this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exit();
				return name;
			}, runnable -> new Thread(runnable).start());
		}

		@NoLock
		public void open() {
			this.release.countDown();
		}

		public String quick(String name) {
			enter(name);
			exit();
			return name;
		}

		@NoLock
		public int maxRunning() {
			return this.maxRunning;
		}

		private synchronized void enter(String name) {
			this.log.add(name);
			this.running++;
			this.maxRunning = Math.max(this.maxRunning, this.running);
		}

		private synchronized void exit() {
			this.running--;
		}

	}

	@Test
	void asyncMethodHoldsTheActorUntilItsFutureCompletes() throws Exception {
		ActorHandle<Gate> gate = this.system.createActor(Gate.class).join();
		CompletableFuture<String> held = gate.method("hold").send("held");
		CompletableFuture<String> quick = gate.method("quick").send("quick");
		// open is @NoLock, so it gets through while hold still holds the actor
		gate.method("open").send().get(5, TimeUnit.SECONDS);
		assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(quick.get(5, TimeUnit.SECONDS)).isEqualTo("quick");
		assertThat(gate.method("maxRunning").<Integer>call()).isEqualTo(1);
	}

	@Test
	void noLockMethodRunsWhileAnotherCallHoldsTheActor() throws Exception {
		ActorHandle<Gate> gate = this.system.createActor(Gate.class).join();
		CompletableFuture<String> held = gate.method("hold").send("held");
		// without @NoLock this would wait behind hold, which waits for open: a deadlock
		gate.method("open").call();
		assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("held");
	}

	/** A semaphore as an actor: acquire may block while release is still served. */
	public static class SemaphoreActor extends StatelessActor {

		private final Semaphore semaphore = new Semaphore(0);

		public boolean acquire() throws InterruptedException {
			return this.semaphore.tryAcquire(10, TimeUnit.SECONDS);
		}

		public void release() {
			this.semaphore.release();
		}

	}

	@Test
	void statelessActorRunsCallsConcurrently() throws Exception {
		ActorHandle<SemaphoreActor> semaphore = this.system
			.createActor(SemaphoreActor.class, CreateOptions.at(Placement.label("cpu")))
			.join();
		CompletableFuture<Boolean> acquired = semaphore.method("acquire").send();
		semaphore.method("release").send().get(5, TimeUnit.SECONDS);
		assertThat(acquired.get(5, TimeUnit.SECONDS)).isTrue();
	}

	/** Creates and calls other actors from its methods. */
	public static class Parent extends Actor {

		private ActorHandle<Counter> child;

		public String spawn() {
			this.child = system().createActor(Counter.class, CreateOptions.at(Placement.label("cpu"))).join();
			return this.child.uid();
		}

		public int addToChild(int n) {
			return this.child.method("add").call(n);
		}

		public CompletableFuture<Integer> addToChildAsync(int n) {
			return this.child.method("add").send(n);
		}

	}

	@Test
	void methodsCreateAndCallOtherActors() {
		ActorHandle<Parent> parent = this.system.createActor(Parent.class).join();
		String childUid = parent.method("spawn").call();
		assertThat(parent.method("addToChild").<Integer>call(2)).isEqualTo(2);
		assertThat(parent.method("addToChildAsync").<Integer>call(3)).isEqualTo(5);
		ActorHandle<Object> child = this.system.actorRef(this.system.address(), childUid).join();
		assertThat(child.method("get").<Integer>call()).isEqualTo(5);
	}

	public static class Overloaded extends Actor {

		public String f(int n) {
			return "int";
		}

		public String f(long n) {
			return "long";
		}

		public String f(String s) {
			return "String";
		}

		public String f(Object o) {
			return "Object";
		}

		public String f(String a, Object b) {
			return "String,Object";
		}

		public String g(CharSequence a, String b) {
			return "CharSequence,String";
		}

		public String g(String a, CharSequence b) {
			return "String,CharSequence";
		}

		public double widen(double d) {
			return d;
		}

	}

	@Test
	void overloadsArePickedByArgumentTypes() {
		ActorMethod f = this.system.createActor(Overloaded.class).join().method("f");
		assertThat(f.<String>call(1)).isEqualTo("int");
		assertThat(f.<String>call(1L)).isEqualTo("long");
		assertThat(f.<String>call("x")).isEqualTo("String");
		assertThat(f.<String>call(List.of())).isEqualTo("Object");
		assertThat(f.<String>call("x", 2)).isEqualTo("String,Object");
		assertThat(f.<String>call((short) 1)).isEqualTo("int");
	}

	@Test
	void primitiveArgumentsWiden() {
		ActorHandle<Overloaded> actor = this.system.createActor(Overloaded.class).join();
		assertThat(actor.method("widen").<Double>call(3)).isEqualTo(3.0);
	}

	@Test
	void ambiguousOrUnknownMethodsFailNamingTheMethod() {
		ActorHandle<Overloaded> actor = this.system.createActor(Overloaded.class).join();
		assertThatThrownBy(() -> actor.method("g").call("a", "b")).isInstanceOf(AmbiguousActorMethodException.class)
			.hasMessageContaining("g(String, String)")
			.hasMessageContaining("ambiguous");
		assertThatThrownBy(() -> actor.method("nope").send().join()).hasCauseInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("'nope'");
		assertThatThrownBy(() -> actor.method("widen").call("text")).isInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("widen")
			.hasMessageContaining("(String)");
		assertThatThrownBy(() -> actor.method("f").call(1, 2, 3)).isInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("candidates");
	}

	@Test
	void unknownUidFailsWithActorNotFound() {
		assertThatThrownBy(() -> this.system.actorRef(this.system.address(), "ghost").join())
			.hasCauseInstanceOf(ActorNotFoundException.class)
			.hasMessageContaining("ghost");
	}

	public static class Thrower extends Actor {

		public int boom(String message) {
			throw new IllegalStateException(message);
		}

		public CompletableFuture<Integer> boomAsync(String message) {
			return CompletableFuture.failedFuture(new IllegalStateException(message));
		}

		public int checked() throws java.io.IOException {
			throw new java.io.IOException("disk");
		}

		public int relay(ActorHandle<Thrower> other, String message) {
			return other.method("boom").call(message);
		}

	}

	@Test
	void userExceptionReachesTheCallerAsItselfWithActorContext() {
		ActorHandle<Thrower> thrower = this.system.createActor(Thrower.class, CreateOptions.uid("thrower")).join();
		assertThatThrownBy(() -> thrower.method("boom").call("bad input")).isExactlyInstanceOf(IllegalStateException.class)
			.hasMessage("bad input")
			.satisfies((error) -> assertThat(error.getSuppressed()).singleElement()
				.isInstanceOf(ActorCallContext.class)
				.extracting(Throwable::getMessage)
				.asString()
				.contains("'thrower'", "boom", this.system.address()));
		assertThatThrownBy(() -> thrower.method("boomAsync").send("late").join()).cause()
			.isExactlyInstanceOf(IllegalStateException.class)
			.hasMessage("late");
		assertThatThrownBy(() -> thrower.method("checked").call()).isExactlyInstanceOf(ActorCheckedException.class)
			.hasMessageStartingWith("actor 'thrower' (Thrower) method checked at " + this.system.address()
					+ " threw java.io.IOException: disk")
			.cause()
			.isExactlyInstanceOf(java.io.IOException.class)
			.hasMessage("disk");
	}

	public interface ThrowerApi {

		int checked();

	}

	@Test
	void aCheckedExceptionThroughAProxyMethodThatDoesNotDeclareItArrivesInsideActorCheckedException() {
		ActorHandle<Thrower> thrower = this.system.createActor(Thrower.class, CreateOptions.uid("thrower")).join();
		assertThatThrownBy(() -> thrower.as(ThrowerApi.class).checked()).isExactlyInstanceOf(ActorCheckedException.class)
			.cause()
			.isExactlyInstanceOf(java.io.IOException.class);
	}

	@Test
	void exceptionCrossingTwoActorsKeepsItsMessageAndNamesBoth() {
		ActorHandle<Thrower> first = this.system.createActor(Thrower.class, CreateOptions.uid("first")).join();
		ActorHandle<Thrower> second = this.system
			.createActor(Thrower.class, CreateOptions.uid("second").placement(Placement.pool(1)))
			.join();
		assertThatThrownBy(() -> first.method("relay").call(second, "deep")).isExactlyInstanceOf(IllegalStateException.class)
			.hasMessage("deep")
			.satisfies((error) -> assertThat(error.getSuppressed()).extracting(Throwable::getMessage)
				.anySatisfy((message) -> assertThat(message).contains("'second'", "boom"))
				.anySatisfy((message) -> assertThat(message).contains("'first'", "relay")));
	}

}
