package io.xoscar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Behaviours 8 and 28, and per-sender FIFO: tell, delayed tell, unhandled errors, ordering.
 */
class TellAndOrderTest {

	private ActorSystem system;

	@BeforeEach
	void start() {
		this.system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(2)
			.pool(PoolConfig.thread("sub").count(2).threads(2))
			.build());
	}

	@AfterEach
	void stop() {
		this.system.close();
	}

	public static class Log extends Actor {

		private final List<String> entries = new ArrayList<>();

		public void append(String entry) {
			this.entries.add(entry);
		}

		public void appendAfter(CountDownLatch gate, String entry) throws InterruptedException {
			gate.await(10, TimeUnit.SECONDS);
			this.entries.add(entry);
		}

		public List<String> entries() {
			return List.copyOf(this.entries);
		}

		public void fail(String message) {
			throw new IllegalStateException(message);
		}

	}

	@Test
	void tellReturnsBeforeTheMethodRuns() throws Exception {
		ActorHandle<Log> log = this.system.createActor(Log.class).join();
		CountDownLatch gate = new CountDownLatch(1);
		CompletableFuture<Void> handedOver = log.method("appendAfter").tell(gate, "x");
		handedOver.get(5, TimeUnit.SECONDS);
		// the method is still blocked on the gate: the tell did not wait for it
		gate.countDown();
		assertThat(log.method("entries").<List<String>>call()).containsExactly("x");
	}

	@Test
	void tellDelayTakesEffectAfterTheDelay() throws Exception {
		ActorHandle<Log> log = this.system.createActor(Log.class).join();
		long start = System.nanoTime();
		CompletableFuture<Void> handedOver = log.method("append").tellDelay(Duration.ofMillis(200), "late");
		assertThat(log.method("entries").<List<String>>call()).isEmpty();
		handedOver.get(5, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		await().atMost(Duration.ofSeconds(5)).until(() -> log.method("entries").<List<String>>call().contains("late"));
	}

	@Test
	void cancelledDelayedTellIsNeverSent() throws Exception {
		ActorHandle<Log> log = this.system.createActor(Log.class).join();
		CompletableFuture<Void> handedOver = log.method("append").tellDelay(Duration.ofMillis(100), "dropped");
		assertThat(handedOver.cancel(false)).isTrue();
		// a later delayed tell from the same timer proves the first one's time has passed
		log.method("append").tellDelay(Duration.ofMillis(300), "kept").get(5, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(() -> log.method("entries").<List<String>>call().contains("kept"));
		assertThat(log.method("entries").<List<String>>call()).containsExactly("kept");
	}

	@Test
	void callsFromOneSenderRunInSendOrder() {
		ActorHandle<Log> log = this.system.createActor(Log.class, CreateOptions.at(Placement.pool(1))).join();
		ActorMethod append = log.method("append");
		List<String> expected = new ArrayList<>();
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			String entry = Integer.toString(i);
			expected.add(entry);
			switch (i % 3) {
				case 0 -> append.tell(entry);
				case 1 -> sends.add(append.send(entry));
				default -> append.call(entry);
			}
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
		assertThat(log.method("entries").<List<String>>call()).containsExactlyElementsOf(expected);
	}

	@Test
	void eachOfSeveralSendersKeepsItsOwnOrder() throws Exception {
		ActorHandle<Log> log = this.system.createActor(Log.class).join();
		int senders = 4;
		int perSender = 500;
		List<Thread> threads = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			String name = "s" + s;
			Thread thread = new Thread(() -> {
				for (int i = 0; i < perSender; i++) {
					log.method("append").tell(name + ":" + i);
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join(10_000);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> log.method("entries").<List<String>>call().size() == senders * perSender);
		List<String> entries = log.method("entries").call();
		for (int s = 0; s < senders; s++) {
			String prefix = "s" + s + ":";
			List<Integer> order = entries.stream()
				.filter((entry) -> entry.startsWith(prefix))
				.map((entry) -> Integer.parseInt(entry.substring(prefix.length())))
				.toList();
			assertThat(order).as("order of sender %d", s).isSorted().hasSize(perSender);
		}
	}

	@Test
	void unhandledErrorOfATellIsLoggedOnceWithActorAndMethod() {
		Logger logger = (Logger) LoggerFactory.getLogger("io.xoscar.internal.pool.ActorCell");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			ActorHandle<Log> log = this.system.createActor(Log.class, CreateOptions.uid("logger-actor")).join();
			log.method("fail").tell("nobody listens");
			await().atMost(Duration.ofSeconds(5)).until(() -> !appender.list.isEmpty());
			log.method("entries").call();
			assertThat(appender.list).singleElement().satisfies((event) -> {
				assertThat(event.getFormattedMessage()).contains("'logger-actor'", "fail");
				assertThat(event.getThrowableProxy().getMessage()).isEqualTo("nobody listens");
			});
		}
		finally {
			logger.detachAppender(appender);
		}
	}

}
