package io.xoscar.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.StatelessActor;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.WireValueException;
import io.xoscar.exception.XoscarException;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A value that cannot cross the wire (a result, an argument or an exception the sender cannot encode
 * or the receiver cannot decode) fails its own call, clearly and at once, and nothing else: the 100
 * calls in flight on the same connection all succeed. Against an actor in a process pool (Unix
 * socket) and on a node in another JVM over TCP.
 */
class UnsendableValuesTest {

	private static ActorSystem withProcessPool;

	private static ChildJvm remoteNode;

	private static ActorSystem overTcp;

	enum Topology {

		PROCESS_POOL, TCP_NODE

	}

	@BeforeAll
	static void start() {
		withProcessPool = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.pool(PoolConfig.process("proc").threads(2))
			.build());
		remoteNode = ChildJvm.start(ChildJvmSpec.of("unsendable-node", RemoteNodeMain.class.getName()).withJvmArgs("-Xmx256m"));
		overTcp = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(2).unixSockets(false).build());
	}

	@AfterAll
	static void stop() {
		withProcessPool.close();
		overTcp.close();
		remoteNode.close();
	}

	/** Holds every call until it is opened: the calls are in flight together on one connection. */
	public static class Gate extends StatelessActor {

		private final CompletableFuture<Void> gate = new CompletableFuture<>();

		private final AtomicInteger arrived = new AtomicInteger();

		public CompletableFuture<Integer> echo(int value) {
			this.arrived.incrementAndGet();
			return this.gate.thenApply((ignored) -> value);
		}

		public int arrived() {
			return this.arrived.get();
		}

		public void open() {
			this.gate.complete(null);
		}

	}

	/**
	 * Valid only for positive values: its creator refuses others. A value made without the check
	 * (as a cache or a test fixture might) encodes, but the other side cannot read it back.
	 */
	public static final class Strict {

		private final int value;

		@JsonCreator
		public Strict(@JsonProperty("value") int value) {
			this(value, true);
			if (value <= 0) {
				throw new IllegalArgumentException("not positive: " + value);
			}
		}

		private Strict(int value, boolean unchecked) {
			this.value = value;
		}

		static Strict unchecked(int value) {
			return new Strict(value, true);
		}

		public int getValue() {
			return this.value;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Strict strict && strict.value == this.value;
		}

		@Override
		public int hashCode() {
			return this.value;
		}

	}

	/** The strict part in the middle: a failed decode leaves the reader inside the value. */
	public record Wrapped(String before, Strict strict, List<String> after) {

		static Wrapped unreadable() {
			return new Wrapped("b", Strict.unchecked(-1), List.of("x", "y"));
		}

	}

	/** Its getter throws while it is encoded. */
	public static final class Exploding {

		public String getName() {
			throw new IllegalStateException("no name today");
		}

	}

	public static class UnreadableMessageException extends RuntimeException {

		public UnreadableMessageException() {
		}

		@Override
		public String getMessage() {
			throw new IllegalStateException("message unavailable");
		}

	}

	public static class UnreadableStackException extends RuntimeException {

		public UnreadableStackException(String message) {
			super(message);
		}

		@Override
		public StackTraceElement[] getStackTrace() {
			throw new IllegalStateException("stack unavailable");
		}

	}

	/** Carries what the wire cannot encode: only its class, message and stack cross. */
	public static class CarryingException extends RuntimeException {

		private final transient Flux<Integer> items = Flux.just(1);

		public CarryingException(String message) {
			super(message);
		}

		public Flux<Integer> getItems() {
			return this.items;
		}

		public Exploding getExploding() {
			return new Exploding();
		}

	}

	public static class Unsendable extends Actor {

		public void failCarrying() {
			throw new CarryingException("carried");
		}

		public Flux<Integer> flux() {
			return Flux.just(1, 2, 3);
		}

		public Wrapped unreadable() {
			return Wrapped.unreadable();
		}

		public Wrapped readable() {
			return new Wrapped("b", new Strict(1), List.of("x"));
		}

		public Object exploding() {
			return new Exploding();
		}

		public void failWithUnreadableMessage() {
			throw new UnreadableMessageException();
		}

		public void failWithUnreadableStack() {
			throw new UnreadableStackException("stackless");
		}

		public int take(Wrapped wrapped) {
			return wrapped.strict().getValue();
		}

		public int takeAnything(Object value) {
			return 1;
		}

	}

	private static ActorSystem system(Topology topology) {
		return (topology == Topology.PROCESS_POOL) ? withProcessPool : overTcp;
	}

	private static Placement placement(Topology topology) {
		return (topology == Topology.PROCESS_POOL) ? Placement.pool(1) : Placement.address(remoteNode.readyPayload());
	}

	/**
	 * Sends 100 good calls, waits until the callee holds them all, makes the bad call and checks how
	 * it failed, then opens the gate: all 100 good calls succeed.
	 */
	private static void onlyTheBadCallFails(Topology topology, String name,
			java.util.function.Function<ActorHandle<Unsendable>, CompletableFuture<?>> bad, Consumer<Throwable> failure)
			throws Exception {
		ActorSystem system = system(topology);
		ActorHandle<Gate> gate = system
			.createActor(Gate.class, CreateOptions.uid("gate-" + name + "-" + topology).placement(placement(topology)))
			.join();
		ActorHandle<Unsendable> unsendable = system
			.createActor(Unsendable.class, CreateOptions.uid("bad-" + name + "-" + topology).placement(placement(topology)))
			.join();
		if (topology == Topology.TCP_NODE) {
			assertThat(system.channelTo(unsendable.address())).isEqualTo("tcp");
		}
		List<CompletableFuture<Integer>> good = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			good.add(gate.method("echo").send(i));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> gate.method("arrived").<Integer>call() == 100);
		CompletableFuture<?> call = bad.apply(unsendable);
		assertThat(call).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.satisfies((error) -> failure.accept(error.getCause()));
		gate.method("open").call();
		for (int i = 0; i < 100; i++) {
			assertThat(good.get(i)).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(i);
		}
		assertThat(unsendable.method("readable").<Wrapped>call()).isEqualTo(new Wrapped("b", new Strict(1), List.of("x")));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void aStreamSentForOneResultFailsOnlyItsCall(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "flux", (actor) -> actor.method("flux").send(),
				(error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("'bad-flux-" + topology + "'")
					.hasMessageContaining("method flux")
					.hasMessageContaining("returns a stream (Flux): call it with stream(..)"));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void aResultWhoseGetterThrowsFailsOnlyItsCall(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "exploding", (actor) -> actor.method("exploding").send(),
				(error) -> assertThat(error).isInstanceOf(WireValueException.class)
					.hasMessageContaining("'bad-exploding-" + topology + "'")
					.hasMessageContaining("exploding")
					.hasMessageContaining(Exploding.class.getName())
					.hasMessageContaining("no name today"));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void aResultTheCallerCannotDecodeFailsOnlyItsCall(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "unreadable",
				(actor) -> actor.method("unreadable").send(),
				(error) -> assertThat(error).isInstanceOf(WireValueException.class)
					.hasMessageContaining("'bad-unreadable-" + topology + "'")
					.hasMessageContaining("unreadable")
					.hasMessageContaining("cannot be decoded")
					.hasMessageContaining(Wrapped.class.getName())
					.hasMessageContaining("not positive: -1"));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void anArgumentTheCalleeCannotDecodeFailsOnlyItsCall(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "argument", (actor) -> actor.method("take").send(Wrapped.unreadable()),
				(error) -> assertThat(error).isInstanceOf(WireValueException.class)
					.hasMessageContaining("'bad-argument-" + topology + "'")
					.hasMessageContaining("cannot be decoded")
					.hasMessageContaining("take")
					.hasMessageContaining(Wrapped.class.getName())
					.hasMessageContaining("not positive: -1"));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void anArgumentTheCallerCannotEncodeFailsOnlyItsCall(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "encode", (actor) -> actor.method("takeAnything").send(new Exploding()),
				(error) -> assertThat(error).isInstanceOf(WireValueException.class)
					.hasMessageContaining("'bad-encode-" + topology + "'")
					.hasMessageContaining("takeAnything")
					.hasMessageContaining("cannot be encoded")
					.hasMessageContaining(Exploding.class.getName()));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void anExceptionWhoseMessageThrowsIsAnsweredAtOnce(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "message", (actor) -> actor.method("failWithUnreadableMessage").send(),
				(error) -> assertThat(error).isExactlyInstanceOf(XoscarException.class)
					.hasMessageStartingWith(UnreadableMessageException.class.getName() + " raised by actor ")
					.hasMessageContaining("method failWithUnreadableMessage")
					.hasMessageContaining("threw java.lang.IllegalStateException: message unavailable"));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void anExceptionWithFieldsTheWireCannotEncodeArrivesAsItself(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "carrying", (actor) -> actor.method("failCarrying").send(),
				(error) -> assertThat(error).isExactlyInstanceOf(CarryingException.class).hasMessage("carried"));
	}

	@ParameterizedTest
	@EnumSource(Topology.class)
	void anExceptionWhoseStackThrowsIsAnsweredAtOnce(Topology topology) throws Exception {
		onlyTheBadCallFails(topology, "stack", (actor) -> actor.method("failWithUnreadableStack").send(),
				(error) -> assertThat(error).isInstanceOf(UnreadableStackException.class).hasMessage("stackless"));
	}

}
