package io.xoscar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import io.xoscar.exception.NoSuchActorMethodException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed proxies and handles as values.
 */
class TypedProxyAndHandleTest {

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder().build();

	private final ActorSystem system = this.xoscar.system();

	public static class Counter extends Actor {

		private long value;

		public long add(long n) {
			return this.value += n;
		}

		public CompletableFuture<Long> addAsync(long n) {
			return CompletableFuture.completedFuture(this.value += n);
		}

		public String describe(String prefix, int width) {
			return prefix + ":" + width;
		}

		public void reset() {
			this.value = 0;
		}

		public void fail() throws java.io.IOException {
			throw new java.io.IOException("broken");
		}

	}

	public interface CounterApi {

		CompletableFuture<Long> add(long n);

		CompletionStage<Long> addAsync(long n);

		Mono<String> describe(String prefix, int width);

		void reset();

		void fail() throws java.io.IOException;

		default CompletableFuture<Long> addTwice(long n) {
			return add(n).thenCompose((ignored) -> add(n));
		}

	}

	public interface BlockingCounter {

		long add(long n);

	}

	@Test
	void typedProxyCallsActorMethodsByNameAndParameterTypes() {
		ActorHandle<Counter> counter = this.system.createActor(Counter.class).join();
		BlockingCounter blocking = counter.as(BlockingCounter.class);
		assertThat(blocking.add(5)).isEqualTo(5);
		CounterApi api = counter.as(CounterApi.class);
		assertThat(api.add(1).join()).isEqualTo(6);
		assertThat(api.addAsync(1).toCompletableFuture().join()).isEqualTo(7);
		assertThat(api.describe("w", 3).block()).isEqualTo("w:3");
		assertThat(api.addTwice(1).join()).isEqualTo(9);
		api.reset();
		assertThat(blocking.add(0)).isZero();
		assertThatThrownBy(api::fail).isInstanceOf(java.io.IOException.class).hasMessage("broken");
	}

	public interface Mismatched {

		CompletableFuture<Long> add(String n);

	}

	public interface WrongReturn {

		String add(long n);

	}

	@Test
	void mismatchedInterfaceFailsWhenTheProxyIsMadeNamingTheMethod() {
		ActorHandle<Counter> counter = this.system.createActor(Counter.class).join();
		assertThatThrownBy(() -> counter.as(Mismatched.class)).isInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("add(String)")
			.hasMessageContaining("add(long)");
		assertThatThrownBy(() -> counter.as(WrongReturn.class)).isInstanceOf(NoSuchActorMethodException.class)
			.hasMessageContaining("returns String")
			.hasMessageContaining("returns long");
	}

	@Test
	void proxiesOfOneActorAreEqual() {
		ActorHandle<Counter> counter = this.system.createActor(Counter.class).join();
		assertThat(counter.as(BlockingCounter.class)).isEqualTo(counter.as(BlockingCounter.class))
			.hasSameHashCodeAs(counter.as(BlockingCounter.class));
		assertThat(counter.as(BlockingCounter.class).toString()).contains(counter.uid());
	}

	@Test
	void handlesAreValuesEqualByAddressAndUid() throws Exception {
		ActorHandle<Counter> counter = this.system.createActor(Counter.class, CreateOptions.uid("value")).join();
		ActorHandle<Object> found = this.system.actorRef(this.system.address(), "value").join();
		assertThat(found).isEqualTo(counter).hasSameHashCodeAs(counter);
		assertThat(counter.toString()).contains("value", this.system.address());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(counter);
		}
		ActorHandle<?> copy;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			copy = (ActorHandle<?>) in.readObject();
		}
		assertThat(copy).isEqualTo(counter);
		assertThat(copy.method("add").<Long>call(2L)).isEqualTo(2L);
	}

	@Test
	void handlesWorkFromAnyThread() throws Exception {
		ActorHandle<Counter> counter = this.system.createActor(Counter.class).join();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new java.util.ArrayList<>();
			for (int t = 0; t < 4; t++) {
				work.add(threads.submit(() -> {
					for (int i = 0; i < 1000; i++) {
						if (i % 2 == 0) {
							counter.method("add").call(1L);
						}
						else {
							counter.method("add").send(1L).join();
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(counter.method("add").<Long>call(0L)).isEqualTo(4000L);
	}

}
