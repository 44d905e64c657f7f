package io.xoscar;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviours 3, 5, 9 and 10: creation, identity, lifecycle hooks, destroy, kill and shutdown.
 */
class ActorLifecycleTest {

	static final List<String> events = new CopyOnWriteArrayList<>();

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.pool(PoolConfig.thread("sub").count(2).threads(1).labels("sub"))
		.build();

	private final ActorSystem system = this.xoscar.system();

	@BeforeEach
	void clearEvents() {
		events.clear();
	}

	public static class Echo extends Actor {

		public String echo(String text) {
			return text;
		}

	}

	/** Calls another actor and itself from its lifecycle hooks. */
	public static class Hooked extends Actor {

		private final ActorHandle<Echo> echo;

		private String greeting;

		public Hooked(ActorHandle<Echo> echo) {
			this.echo = echo;
		}

		@Override
		protected void postCreate() {
			this.greeting = this.echo.method("echo").call("hello");
			ActorHandle<Hooked> me = self();
			events.add("postCreate self=" + me.method("whoAmI").call());
		}

		@Override
		protected void preDestroy() {
			ActorHandle<Hooked> me = self();
			events.add("preDestroy self=" + me.method("whoAmI").call() + " echo=" + this.echo.method("echo").call("bye"));
		}

		public String greeting() {
			return this.greeting;
		}

		public String whoAmI() {
			return uid() + "@" + address();
		}

	}

	@Test
	void lifecycleHooksMayCallOtherActorsAndSelf() {
		ActorHandle<Echo> echo = this.system.createActor(Echo.class, CreateOptions.at(Placement.pool(1))).join();
		ActorHandle<Hooked> hooked = this.system
			.createActor(Hooked.class, CreateOptions.uid("hooked").placement(Placement.pool(2)), echo)
			.join();
		assertThat(hooked.address()).isEqualTo(this.system.address() + "/2");
		assertThat(hooked.method("greeting").<String>call()).isEqualTo("hello");
		assertThat(events).containsExactly("postCreate self=hooked@" + hooked.address());
		this.system.destroyActor(hooked).join();
		assertThat(events).last().isEqualTo("preDestroy self=hooked@" + hooked.address() + " echo=bye");
	}

	public static class Identity extends Actor {

		private final String seenInConstructor;

		public Identity() {
			this.seenInConstructor = uid() + "@" + address();
		}

		public String constructor() {
			return this.seenInConstructor;
		}

		public ActorHandle<Identity> me() {
			return self();
		}

	}

	@Test
	void selfMatchesTheHandleAndIdentityIsKnownInTheConstructor() {
		ActorHandle<Identity> actor = this.system.createActor(Identity.class, CreateOptions.uid("me")).join();
		ActorHandle<Identity> self = actor.method("me").call();
		assertThat(self).isEqualTo(actor);
		assertThat(self.uid()).isEqualTo("me");
		assertThat(self.address()).isEqualTo(this.system.address());
		assertThat(actor.method("constructor").<String>call()).isEqualTo("me@" + this.system.address());
	}

	@Test
	void generatedUidsAreDistinct() {
		ActorHandle<Echo> a = this.system.createActor(Echo.class).join();
		ActorHandle<Echo> b = this.system.createActor(Echo.class).join();
		assertThat(a.uid()).isNotBlank().isNotEqualTo(b.uid());
	}

	@Test
	void duplicateUidFailsWithActorAlreadyExists() {
		this.system.createActor(Echo.class, CreateOptions.uid("dup")).join();
		assertThatThrownBy(() -> this.system.createActor(Echo.class, CreateOptions.uid("dup").placement(Placement.pool(1))).join())
			.hasCauseInstanceOf(ActorAlreadyExistsException.class)
			.hasMessageContaining("dup");
	}

	public static class FailingConstructor extends Actor {

		public FailingConstructor(String reason) {
			throw new IllegalArgumentException(reason);
		}

	}

	public static class FailingPostCreate extends Actor {

		@Override
		protected void postCreate() throws Exception {
			throw new java.io.IOException("cannot open model");
		}

	}

	/** Creates a failing actor from one of its methods. */
	public static class Creator extends Actor {

		public String createFailing() {
			return system().createActor(FailingConstructor.class, CreateOptions.uid("nested"), "nested reason").join().uid();
		}

	}

	@Test
	void constructorAndPostCreateErrorsReachTheCreator() {
		assertThatThrownBy(() -> this.system.createActor(FailingConstructor.class, "bad config").join())
			.cause()
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("bad config");
		assertThatThrownBy(() -> this.system.createActor(FailingPostCreate.class, CreateOptions.uid("pc")).join())
			.cause()
			.isExactlyInstanceOf(java.io.IOException.class)
			.hasMessage("cannot open model");
		assertThatThrownBy(() -> this.system.actorRef(this.system.address(), "pc").join())
			.hasCauseInstanceOf(ActorNotFoundException.class);
		// the uid is free again
		this.system.createActor(Echo.class, CreateOptions.uid("pc")).join();
		ActorHandle<Creator> creator = this.system.createActor(Creator.class).join();
		// the nested join() wraps it in a CompletionException; the caller gets the cause itself
		assertThatThrownBy(() -> creator.method("createFailing").call()).isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("nested reason");
	}

	@Test
	void constructorIsPickedByArgumentsAndUnknownArgumentsFailClearly() {
		assertThatThrownBy(() -> this.system.createActor(Echo.class, "unexpected").join()).cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no constructor")
			.hasMessageContaining("(String)");
	}

	@Test
	void illegalUidsAreRejected() {
		for (String uid : List.of("", "has space", "slash/es", "x".repeat(129), "semi;colon")) {
			assertThatThrownBy(() -> this.system.createActor(Echo.class, CreateOptions.uid(uid)).join())
				.as("uid '%s'", uid)
				.cause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("illegal actor uid");
		}
		assertThat(this.system.createActor(Echo.class, CreateOptions.uid("ok_uid-1.2:3@x")).join().uid())
			.isEqualTo("ok_uid-1.2:3@x");
	}

	@Test
	void illegalUidsAreRejectedByLookupsTheSameWay() {
		for (String uid : List.of("", "has space", "slash/es", "x".repeat(129), "semi;colon")) {
			String address = this.system.address();
			assertThatThrownBy(() -> this.system.actorRef(address, uid).join()).as("actorRef '%s'", uid)
				.cause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("illegal actor uid '" + uid + "'");
			assertThatThrownBy(() -> this.system.handle(address, uid, Echo.class)).as("handle '%s'", uid)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("illegal actor uid '" + uid + "'");
			ActorHandle<Echo> foreign = new ForeignHandle(address, uid);
			List<CompletableFuture<?>> operations = List.of(this.system.hasActor(foreign),
					this.system.destroyActor(foreign), this.system.killActor(foreign));
			for (CompletableFuture<?> operation : operations) {
				assertThatThrownBy(operation::join).as("'%s'", uid)
					.cause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("illegal actor uid '" + uid + "'");
			}
		}
	}

	/** A handle made by other code than the runtime's. */
	private record ForeignHandle(String address, String uid) implements ActorHandle<Echo> {

		@Override
		public ActorMethod method(String name) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <I> I as(Class<I> api) {
			throw new UnsupportedOperationException();
		}

	}

	@Test
	void afterDestroyCallsFailAndRecreatingTheUidRevivesOldHandles() {
		ActorHandle<Echo> echo = this.system.createActor(Echo.class, CreateOptions.uid("phoenix")).join();
		ActorMethod cached = echo.method("echo");
		assertThat(cached.<String>call("one")).isEqualTo("one");
		this.system.destroyActor(echo).join();
		assertThat(this.system.hasActor(echo).join()).isFalse();
		assertThatThrownBy(() -> cached.call("two")).isInstanceOf(ActorNotFoundException.class).hasMessageContaining("phoenix");
		assertThatThrownBy(() -> cached.send("two").join()).hasCauseInstanceOf(ActorNotFoundException.class);
		assertThatThrownBy(() -> this.system.destroyActor(echo).join()).hasCauseInstanceOf(ActorNotFoundException.class);
		this.system.createActor(Echo.class, CreateOptions.uid("phoenix")).join();
		assertThat(cached.<String>call("three")).isEqualTo("three");
	}

	public static class SelfDestroyer extends Actor {

		public void quit() {
			system().destroyActor(self()).join();
		}

	}

	@Test
	void actorCanDestroyItself() {
		ActorHandle<SelfDestroyer> actor = this.system.createActor(SelfDestroyer.class, CreateOptions.at(Placement.pool(1))).join();
		actor.method("quit").call();
		assertThat(this.system.hasActor(actor).join()).isFalse();
	}

	public static class StubbornActor extends Actor {

		@Override
		protected void preDestroy() {
			throw new IllegalStateException("still busy");
		}

		public String ping() {
			return "pong";
		}

	}

	@Test
	void failingPreDestroyFailsTheDestroyAndKeepsTheActor() {
		ActorHandle<StubbornActor> actor = this.system.createActor(StubbornActor.class).join();
		assertThatThrownBy(() -> this.system.destroyActor(actor).join()).cause()
			.isExactlyInstanceOf(IllegalStateException.class)
			.hasMessage("still busy");
		assertThat(this.system.hasActor(actor).join()).isTrue();
		assertThat(actor.method("ping").<String>call()).isEqualTo("pong");
	}

	public static class Blocker extends Actor {

		public String block(CountDownLatch started, CountDownLatch release) throws InterruptedException {
			started.countDown();
			release.await(10, TimeUnit.SECONDS);
			return "done";
		}

		public String ping() {
			return "pong";
		}

	}

	@Test
	void killRemovesASubPoolActorAndFailsItsQueuedCalls() throws Exception {
		ActorHandle<Blocker> actor = this.system.createActor(Blocker.class, CreateOptions.at(Placement.pool(1))).join();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> running = actor.method("block").send(started, release);
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> queued = actor.method("ping").send();
		this.system.killActor(actor).join();
		assertThatThrownBy(queued::join).hasCauseInstanceOf(ActorNotFoundException.class);
		assertThat(this.system.hasActor(actor).join()).isFalse();
		release.countDown();
		assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("done");
	}

	@Test
	void killIsRefusedForMainPoolActors() {
		ActorHandle<Echo> actor = this.system.createActor(Echo.class).join();
		assertThatThrownBy(() -> this.system.killActor(actor).join()).cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("main pool");
		assertThat(this.system.hasActor(actor).join()).isTrue();
	}

	public static class Recorder extends Actor {

		@Override
		protected void preDestroy() {
			events.add("preDestroy " + uid());
		}

		public String hello() {
			return "hello";
		}

	}

	@Test
	void shutdownRunsPreDestroyAndLaterCallsFailClearly() {
		ActorHandle<Recorder> a = this.system.createActor(Recorder.class, CreateOptions.uid("a")).join();
		this.system.createActor(Recorder.class, CreateOptions.uid("b").placement(Placement.pool(2))).join();
		this.system.close();
		assertThat(events).containsExactlyInAnyOrder("preDestroy a", "preDestroy b");
		assertThatThrownBy(() -> a.method("hello").call()).isInstanceOf(PoolDownException.class)
			.hasMessageContaining(a.address());
		assertThatThrownBy(() -> this.system.createActor(Recorder.class).join()).hasCauseInstanceOf(PoolDownException.class);
	}

	@Test
	void twoSystemsCannotShareAnAddress() {
		assertThatThrownBy(() -> ActorSystem.create(ActorSystemConfig.builder().address(this.system.address()).build()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(this.system.address());
	}

	@Test
	void malformedAddressIsRejected() {
		assertThatThrownBy(() -> ActorSystem.create(ActorSystemConfig.builder().address("localhost").build()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("host:port");
	}

}
